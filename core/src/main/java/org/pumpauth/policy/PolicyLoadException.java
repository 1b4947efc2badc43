package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.PumpauthException;

/** A policy file that does not compile; every problem names the file and line. */
public final class PolicyLoadException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public PolicyLoadException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each as {@code file:line: problem}. */
    public List<String> problems() {
        return problems;
    }
}
