package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;

/** A top-level request field read as it is stated. */
record RequestFact(Field field) implements Fact {
    @Override
    public String factName() {
        return field.path();
    }

    @Override
    public FieldType type() {
        return field.type();
    }

    @Override
    public List<String> allowed() {
        return field.allowed();
    }

    @Override
    public Object read(Evaluation evaluation) {
        Object value = evaluation.request().valueOf(field);
        evaluation.saw(field.contractPath(), value);
        return value;
    }
}
