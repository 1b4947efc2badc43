package org.pumpauth.policy;

import java.util.List;
import java.util.Optional;
import org.pumpauth.request.Absent;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;

/**
 * A top-level request field read as it is stated, or where it is not stated and ruling G14 derives
 * it, as the request's other facts state it ({@link DerivedField}).
 */
public record RequestFact(Field field) implements Fact {
    @Override
    public String factName() {
        return field.path();
    }

    @Override
    public FieldType type() {
        return field.type();
    }

    @Override
    public List<String> askFields() {
        return List.of(field.contractPath());
    }

    @Override
    public List<String> allowed() {
        return field.allowed();
    }

    @Override
    public Object read(Evaluation evaluation) {
        Object value = evaluation.request().valueOf(field);
        if (value == Absent.VALUE) {
            Optional<DerivedField> derivation = DerivedField.of(field.contractPath());
            Object derived = derivation.isPresent() ? derivation.get().derive(evaluation) : Absent.VALUE;
            if (derived != Absent.VALUE) {
                return derived;
            }
        }
        evaluation.saw(field.contractPath(), value);
        return value;
    }
}
