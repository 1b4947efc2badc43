package org.pumpauth.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;

class CodeCatalogTest {
    private final CodeCatalog catalog = CodeCatalog.builtIn();

    @Test
    void every_code_a_policy_lists_is_in_the_catalog_with_a_description() {
        for (Policy policy : PolicyRegistry.builtIn().policies()) {
            for (PolicyVersion version : policy.versions()) {
                for (String code : version.codes()) {
                    assertThat(catalog.find(code)).as(code + " listed by " + version.key())
                            .hasValueSatisfying(c -> assertThat(c.description()).isNotBlank());
                }
            }
        }
    }

    @Test
    void codes_are_described_as_the_seed_gives_them() {
        assertThat(catalog.find("62362")).hasValueSatisfying(c -> {
            assertThat(c.system()).isEqualTo("CPT");
            assertThat(c.description()).isEqualTo("Implantation or replacement of device for intrathecal or epidural"
                    + " drug infusion; programmable pump, including preparation of pump, with or without programming");
        });
        assertThat(catalog.find("E0786")).hasValueSatisfying(c -> assertThat(c.description())
                .as("a description the seed wraps over two lines is joined")
                .isEqualTo("Implantable programmable infusion pump, replacement (excludes implantable intraspinal catheter)"));
    }

    @Test
    void an_icd10pcs_code_the_seed_writes_with_a_letter_o_is_found_either_way() {
        assertThat(catalog.find("ORHA03Z")).hasValueSatisfying(c -> {
            assertThat(c.code()).isEqualTo("0RHA03Z");
            assertThat(c.writtenAs()).contains("ORHA03Z");
        });
        assertThat(catalog.find("0rha03z")).isPresent();
    }

    @Test
    void every_code_has_the_shape_of_its_system() {
        assertThat(catalog.codes()).hasSizeGreaterThan(200).allSatisfy(c -> {
            switch (c.system()) {
                case "CPT":
                    assertThat(c.code()).matches("\\d{5}");
                    break;
                case "HCPCS":
                    assertThat(c.code()).matches("[A-Z]\\d{4}");
                    break;
                default:
                    assertThat(c.code()).as(c.system()).matches("[0-9A-HJ-NP-Z]{7}");
            }
        });
    }

    @Test
    void a_code_no_source_lists_is_not_found() {
        assertThat(catalog.find("99999")).isEmpty();
    }
}
