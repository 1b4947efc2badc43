package org.pumpauth.policy.compile;

/**
 * One problem in a policy file: where it is and what is wrong, printed
 * {@code file:line:column: message}.
 */
public record Problem(String file, int line, int column, Diagnostic diagnostic, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
