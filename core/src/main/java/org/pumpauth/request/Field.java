package org.pumpauth.request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of the request contract: its path, its JSON shape, what values it allows and the
 * plain-language request a provider reads when the field is missing.
 */
public final class Field {
    private final Shape owner;
    private final int index;
    private final FieldSpec spec;
    private final Shape items;

    Field(Shape owner, int index, FieldSpec spec) {
        this.owner = owner;
        this.index = index;
        this.spec = spec;
        this.items = spec.type() == FieldType.OBJECT_LIST
                ? Shape.items(spec.path(), owner.prefix() + spec.path() + "[].", spec.itemFields())
                : null;
    }

    /** The path within its object: {@code pain.score}, or {@code reliefPercent} inside a trial. */
    public String path() {
        return spec.path();
    }

    /** The path as the contract writes it: {@code intraspinalTrials[].reliefPercent}. */
    public String contractPath() {
        return owner.prefix() + spec.path();
    }

    public FieldType type() {
        return spec.type();
    }

    public List<String> allowed() {
        return spec.allowed();
    }

    public boolean allows(String value) {
        return spec.allowed().contains(value);
    }

    public double min() {
        return spec.min();
    }

    public double max() {
        return spec.max();
    }

    public boolean required() {
        return spec.required();
    }

    /** What to ask the provider for when this field would decide the case. */
    public String ask() {
        return spec.ask();
    }

    /** The shape of each element, for a list of objects. */
    public Optional<Shape> items() {
        return Optional.ofNullable(items);
    }

    Shape owner() {
        return owner;
    }

    int index() {
        return index;
    }

    /** "a number from 0 to 10", "one of: a, b", ... for error messages and the JSON Schema. */
    public String describeAllowed() {
        switch (spec.type()) {
            case NUMBER:
                if (Double.isInfinite(spec.max())) {
                    return "a number of at least " + format(spec.min());
                }
                return "a number from " + format(spec.min()) + " to " + format(spec.max());
            case ENUM:
                return "one of: " + String.join(", ", spec.allowed());
            case ENUM_LIST:
                return "an array of: " + String.join(", ", spec.allowed());
            default:
                return spec.type().expected();
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        return contractPath();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field && ((Field) o).contractPath().equals(contractPath());
    }

    @Override
    public int hashCode() {
        return Objects.hash(contractPath());
    }
}
