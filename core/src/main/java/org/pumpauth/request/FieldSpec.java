package org.pumpauth.request;

import java.util.List;

/** The definition of a contract field, before it takes its place in a {@link Shape}. */
record FieldSpec(
        String path,
        FieldType type,
        List<String> allowed,
        double min,
        double max,
        boolean required,
        String ask,
        List<FieldSpec> itemFields) {

    FieldSpec {
        allowed = List.copyOf(allowed);
        itemFields = List.copyOf(itemFields);
        if (ask.isBlank()) {
            throw new IllegalArgumentException(path + ": every field needs its plain-language request");
        }
    }

    FieldSpec asRequired() {
        return new FieldSpec(path, type, allowed, min, max, true, ask, itemFields);
    }

    static FieldSpec bool(String path, String ask) {
        return new FieldSpec(path, FieldType.BOOLEAN, List.of(), 0, 0, false, ask, List.of());
    }

    static FieldSpec number(String path, double min, double max, String ask) {
        return new FieldSpec(path, FieldType.NUMBER, List.of(), min, max, false, ask, List.of());
    }

    static FieldSpec atLeastZero(String path, String ask) {
        return number(path, 0, Double.POSITIVE_INFINITY, ask);
    }

    static FieldSpec date(String path, String ask) {
        return new FieldSpec(path, FieldType.DATE, List.of(), 0, 0, false, ask, List.of());
    }

    static FieldSpec instant(String path, String ask) {
        return new FieldSpec(path, FieldType.INSTANT, List.of(), 0, 0, false, ask, List.of());
    }

    static FieldSpec text(String path, String ask) {
        return new FieldSpec(path, FieldType.STRING, List.of(), 0, 0, false, ask, List.of());
    }

    static FieldSpec oneOf(String path, List<String> allowed, String ask) {
        return new FieldSpec(path, FieldType.ENUM, allowed, 0, 0, false, ask, List.of());
    }

    static FieldSpec texts(String path, String ask) {
        return new FieldSpec(path, FieldType.STRING_LIST, List.of(), 0, 0, false, ask, List.of());
    }

    static FieldSpec someOf(String path, List<String> allowed, String ask) {
        return new FieldSpec(path, FieldType.ENUM_LIST, allowed, 0, 0, false, ask, List.of());
    }

    static FieldSpec objects(String path, String ask, List<FieldSpec> itemFields) {
        return new FieldSpec(path, FieldType.OBJECT_LIST, List.of(), 0, 0, false, ask, itemFields);
    }
}
