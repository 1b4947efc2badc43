package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.compile.PolicyCompiler;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * A policy may name its own table ({@code tables: {drugs: my-drugs.tsv}}): for that policy it replaces
 * the shipped table of its kind, so an analyst adds a drug without Java; other policies keep the shipped one.
 */
class OwnTablesTest {
    private static final String POLICY = """
            policy: demo
            version: 2024-01-01
            title: Demo policy
            payer: Demo payer
            source: demo.txt
            %s
            pathways:
              - id: implant
                text: Permanent pump
                cite: PUMP
                when: {kind: [implant]}
                criteria:
                  - {id: opioid, text: An opioid, fact: service.drug.class, in: [opioid]}
            """;
    private static final String MY_DRUGS = """
            # A drug invented for this test, stated an opioid by its name (G14).
            name\tclass\tintrathecal\tbrand of\tsource
            examplamide\topioid\t\t\tInvented for OwnTablesTest
            """;

    private final ReviewRequest request = new RequestReader().read("""
            {"requestId": "R-1", "serviceDate": "2024-03-01", "service": {"kind": "implant", "drug": {"name": "examplamide"}}}
            """.getBytes(StandardCharsets.UTF_8));

    @Test
    void a_drug_in_the_policys_own_table_states_its_class_under_that_policy_only() {
        PolicyVersion own = PolicyCompiler.compile("demo.yaml", POLICY.formatted("tables: {drugs: my-drugs.tsv}"),
                name -> Optional.ofNullable(Map.of("my-drugs.tsv", MY_DRUGS).get(name)));
        PolicyVersion shipped = PolicyCompiler.compile("demo.yaml", POLICY.formatted(""));

        var withOwn = new Engine().evaluate(request, own, LocalDate.of(2024, 3, 1));
        var withShipped = new Engine().evaluate(request, shipped, LocalDate.of(2024, 3, 1));

        assertThat(withOwn.outcome()).isEqualTo(Outcome.MEETS_CRITERIA);
        assertThat(withShipped.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
        assertThat(withShipped.missingInformation()).extracting(MissingInformation::field).containsExactly("service.drug.class");
    }
}
