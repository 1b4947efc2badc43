package org.pumpauth.determination;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

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

    /** A value as a person writes it: {@code 8}, not {@code 8.0}; lists in brackets. */
    public static String display(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(FactValue::display).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    public static String contractPath(String field) {
        return field.indexOf('[') < 0 ? field : field.replaceAll("\\[\\d+]", "[]");
    }
}
