package org.pumpauth.request;

import java.util.List;
import java.util.stream.Collectors;
import org.pumpauth.PumpauthException;

/** A request that does not follow the contract; {@link #problems()} names every field at fault. */
public final class InvalidRequestException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidRequestException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One field at fault: its path ({@code intraspinalTrials[0].reliefPercent}; empty for the whole
     * document) and what is allowed. It never repeats the value sent, which may be clinical.
     */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field.isEmpty() ? message : field + ": " + message;
        }
    }
}
