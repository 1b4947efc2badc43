package org.pumpauth.cases;

import java.util.List;
import org.pumpauth.PumpauthException;

/** Case files that do not follow the case format: every problem of every file, each as {@code file: member: problem}. */
public final class CaseFormatException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public CaseFormatException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
