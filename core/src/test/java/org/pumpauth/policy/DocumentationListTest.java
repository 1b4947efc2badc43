package org.pumpauth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.compile.PolicyCompiler;

/** The policy's own documentation list: entries, and entries the source lists beneath another. */
class DocumentationListTest {
    private static final String POLICY = """
            policy: demo
            version: 2020-01-01
            title: Demo
            payer: Demo plan
            source: demo.txt
            documentation:
            %s
            pathways:
              - id: refill
                text: A refill
                cite: PUMP
                when: {kind: [refill]}
                outcome: NOT_ADDRESSED
            """;

    @Test
    void an_entry_with_items_keeps_them_beneath_it_in_the_sources_order() {
        PolicyVersion version = PolicyCompiler.compile("demo.yaml", POLICY.formatted("""
                  - text: "History and physical including:"
                    items: ["Life expectancy", "Medication trials"]
                  - "Progress notes"
                """));

        assertThat(version.documentation()).containsExactly(
                new DocumentationItem("History and physical including:",
                        List.of(DocumentationItem.of("Life expectancy"), DocumentationItem.of("Medication trials"))),
                DocumentationItem.of("Progress notes"));
    }

    @Test
    void an_entry_written_as_a_mapping_without_items_names_the_line_and_what_is_allowed() {
        assertThatThrownBy(() -> PolicyCompiler.compile("demo.yaml", POLICY.formatted("""
                  - text: "History and physical including:"
                """)))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("demo.yaml:7:5: a documentation entry written as a mapping lists its 'items'; an entry without them is a text");
    }

    @Test
    void an_entry_with_an_unknown_key_names_the_allowed_keys() {
        assertThatThrownBy(() -> PolicyCompiler.compile("demo.yaml", POLICY.formatted("""
                  - text: "History and physical including:"
                    entries: ["Life expectancy"]
                """)))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("unknown key 'entries' in a documentation entry; allowed: items, text");
    }
}
