package org.pumpauth.terminology;

import java.util.List;
import org.pumpauth.PumpauthException;

/** A terminology table that does not read; every problem names the file and line. */
public final class TerminologyException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public TerminologyException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each as {@code file:line: problem}. */
    public List<String> problems() {
        return problems;
    }
}
