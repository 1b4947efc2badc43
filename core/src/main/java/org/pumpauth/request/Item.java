package org.pumpauth.request;

import java.util.Arrays;

/** One element of a list of objects in a request, such as one intraspinal trial. */
public final class Item implements Facts {
    private final Shape shape;
    private final int position;
    private final Object[] values;

    Item(Shape shape, int position, Object[] values) {
        this.shape = shape;
        this.position = position;
        this.values = values;
    }

    /** Zero-based position in its list (lists are oldest first). */
    public int position() {
        return position;
    }

    public Shape shape() {
        return shape;
    }

    @Override
    public Object valueOf(Field field) {
        if (field.owner() != shape) {
            throw new IllegalArgumentException(field + " is not a field of " + shape.name());
        }
        return values[field.index()];
    }

    @Override
    public String toString() {
        return shape.name() + "#" + position + Arrays.toString(values);
    }
}
