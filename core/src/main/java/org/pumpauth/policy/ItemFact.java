package org.pumpauth.policy;

import java.util.List;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.Item;

/** A field of the list element being tested, such as a trial's {@code reliefPercent}. */
public record ItemFact(Field field) implements Fact {
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
        Item item = evaluation.item();
        Object value = item.valueOf(field);
        // "intraspinalTrials[].reliefPercent" -> "intraspinalTrials[2].reliefPercent"
        evaluation.saw(field.contractPath().replace("[]", "[" + item.position() + "]"), value);
        return value;
    }
}
