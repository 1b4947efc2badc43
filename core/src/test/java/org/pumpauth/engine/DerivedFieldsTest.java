package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.FactValue;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;

/** Ruling G14 seen on a determination: a derived value decides, a stated one wins, the trace names the source. */
class DerivedFieldsTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final String PAIN = "{\"requestId\": \"G14\", \"serviceDate\": \"2024-03-01\","
            + " \"service\": {\"kind\": \"implant\", \"route\": \"intrathecal\", \"drug\": %s},"
            + " \"indication\": {\"category\": \"chronic-noncancer-pain\", \"painType\": \"tissue-injury\"}}";

    @Test
    void the_trace_shows_the_drug_name_a_derived_class_came_from() {
        CriterionResult narcotic = criterion(evaluate(String.format(PAIN, "{\"name\": \"morphine\"}")),
                "bcbsnc.pain.narcotic");
        assertThat(narcotic.result().name()).isEqualTo("MET");
        assertThat(narcotic.facts()).containsExactly(FactValue.known("service.drug.name", "morphine"));
    }

    @Test
    void a_stated_class_wins_over_the_class_the_name_gives() {
        Determination d = evaluate(String.format(PAIN, "{\"name\": \"morphine\", \"class\": \"antispasmodic\"}"));
        CriterionResult narcotic = criterion(d, "bcbsnc.pain.narcotic");
        assertThat(narcotic.result().name()).isEqualTo("NOT_MET");
        assertThat(narcotic.facts()).containsExactly(FactValue.known("service.drug.class", "antispasmodic"));
    }

    @Test
    void a_drug_the_table_does_not_know_leaves_the_class_asked() {
        Determination d = evaluate(String.format(PAIN, "{\"name\": \"investigational agent\"}"));
        assertThat(criterion(d, "bcbsnc.pain.narcotic").result().name()).isEqualTo("UNKNOWN");
        assertThat(d.missingInformation()).anySatisfy(m -> assertThat(m.field()).isEqualTo("service.drug.class"));
    }

    private static Determination evaluate(String json) {
        return new Engine().evaluate(new RequestReader().read(json), POLICIES.select("bcbsnc-iip"),
                LocalDate.of(2024, 6, 1));
    }

    private static CriterionResult criterion(Determination d, String id) {
        return find(d.criteria().orElseThrow(), id).orElseThrow(() -> new AssertionError(id + " not in the trace"));
    }

    private static Optional<CriterionResult> find(CriterionResult node, String id) {
        if (node.id().equals(id)) {
            return Optional.of(node);
        }
        for (CriterionResult child : node.children()) {
            Optional<CriterionResult> found = find(child, id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
