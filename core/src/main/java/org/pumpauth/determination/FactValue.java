package org.pumpauth.determination;

import java.util.Optional;

/**
 * A request fact a criterion looked at: its path ({@code intraspinalTrials[1].reliefPercent}) and
 * the value stated, or none when the request does not state it.
 */
public record FactValue(String field, Optional<Object> value) {
    public static FactValue unknown(String field) {
        return new FactValue(field, Optional.empty());
    }

    public static FactValue known(String field, Object value) {
        return new FactValue(field, Optional.of(value));
    }

    public boolean isKnown() {
        return value.isPresent();
    }

    /** The path as the contract writes it, without list positions: {@code intraspinalTrials[].reliefPercent}. */
    public String contractPath() {
        return contractPath(field);
    }

    public static String contractPath(String field) {
        return field.indexOf('[') < 0 ? field : field.replaceAll("\\[\\d+]", "[]");
    }
}
