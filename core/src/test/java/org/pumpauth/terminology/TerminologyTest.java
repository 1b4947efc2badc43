package org.pumpauth.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The G14 tables as shipped: what a drug's name, a code and a diagnosis state. */
class TerminologyTest {
    private final Terminology tables = Terminology.builtIn();

    @Test
    void a_drug_name_states_its_class_as_ruling_g14_lists_it() {
        Drugs drugs = tables.drugs();
        for (String opioid : List.of("morphine", "hydromorphone", "fentanyl", "sufentanil")) {
            assertThat(drugs.drugClass(opioid)).as(opioid).contains("opioid");
        }
        for (String analgesic : List.of("ziconotide", "bupivacaine", "clonidine")) {
            assertThat(drugs.drugClass(analgesic)).as(analgesic).contains("non-opioid-analgesic");
        }
        assertThat(drugs.drugClass("baclofen")).contains("antispasmodic");
        assertThat(drugs.drugClass("floxuridine")).contains("chemotherapy");
    }

    @Test
    void a_name_is_read_as_a_word_without_regard_to_case_and_a_brand_as_its_drug() {
        Drugs drugs = tables.drugs();
        assertThat(drugs.drugClass("Morphine sulfate, preservative-free")).contains("opioid");
        assertThat(drugs.drugClass("Lioresal Intrathecal")).contains("antispasmodic");
        assertThat(drugs.drugClass("5-FUdR")).contains("chemotherapy");
        assertThat(drugs.drugClass("heparin")).as("a drug the table does not know").isEmpty();
    }

    @Test
    void a_mixture_has_a_class_only_when_every_part_is_known_and_of_one_class() {
        Drugs drugs = tables.drugs();
        assertThat(drugs.drugClass("hydromorphone + fentanyl")).contains("opioid");
        assertThat(drugs.drugClass("morphine + bupivacaine")).isEmpty();
        assertThat(drugs.drugClass("morphine with saline")).as("a part the table does not name").isEmpty();
    }

    @Test
    void the_fda_column_gives_intrathecal_approval_as_ruling_g9_reads_the_2018_communication() {
        Drugs drugs = tables.drugs();
        for (String approved : List.of("morphine", "ziconotide", "baclofen", "Gablofen")) {
            assertThat(drugs.intrathecalApproval(approved)).as(approved).contains(true);
        }
        for (String not : List.of("hydromorphone", "bupivacaine", "fentanyl", "clonidine")) {
            assertThat(drugs.intrathecalApproval(not)).as(not).contains(false);
        }
        assertThat(drugs.intrathecalApproval("morphine + bupivacaine")).as("a mixture").contains(false);
        assertThat(drugs.intrathecalApproval("morphine and clonidine")).as("a mixture").contains(false);
        assertThat(drugs.intrathecalApproval("compounded morphine")).contains(false);
        assertThat(drugs.intrathecalApproval("sufentanil")).as("the table does not judge it").isEmpty();
    }

    @Test
    void intraspinal_codes_are_62320_to_62327_and_62350_to_62362_as_their_descriptors_say() {
        CodeFacts codes = tables.codes();
        for (String code : List.of("62320", "62321", "62322", "62323", "62324", "62325", "62326", "62327", "62350",
                "62351", "62355", "62360", "62361", "62362")) {
            assertThat(codes.statesIntraspinal(code)).as(code).isTrue();
        }
        assertThat(codes.statesIntraspinal("36260")).as("a hepatic artery pump").isFalse();
        assertThat(codes.statesIntraspinal("E0783")).as("a pump code that names no route").isFalse();
    }

    @Test
    void code_62362_states_a_programmable_pump_and_62361_a_non_programmable_one() {
        CodeFacts codes = tables.codes();
        assertThat(codes.programmablePump(List.of("62362"))).contains(true);
        assertThat(codes.programmablePump(List.of("62350", "62361"))).contains(false);
        assertThat(codes.programmablePump(List.of("E0783"))).contains(true);
        assertThat(codes.programmablePump(List.of("62350"))).isEmpty();
        assertThat(codes.programmablePump(List.of("62361", "62362"))).as("codes that disagree state nothing").isEmpty();
    }

    @Test
    void a_diagnosis_code_states_its_condition_by_prefix_with_or_without_its_dot() {
        Diagnoses diagnoses = tables.diagnoses();
        assertThat(diagnoses.condition("G35")).contains("multiple-sclerosis");
        assertThat(diagnoses.condition("G80.1")).contains("cerebral-palsy");
        assertThat(diagnoses.condition("S06.2X1A")).contains("traumatic-brain-injury");
        assertThat(diagnoses.condition("s062x1a")).contains("traumatic-brain-injury");
        assertThat(diagnoses.condition("M96.1")).contains("failed-back-surgery-syndrome");
        assertThat(diagnoses.condition("G90.50")).contains("complex-regional-pain-syndrome");
        assertThat(diagnoses.condition("B02.23")).contains("post-herpetic-neuralgia");
        assertThat(diagnoses.condition("C22.0")).contains("primary-liver-cancer");
        assertThat(diagnoses.condition("C22.1")).as("C22.0 is not a prefix of C22.1").isEmpty();
        assertThat(diagnoses.condition("G89.4")).as("chronic pain syndrome names no listed condition").isEmpty();
    }

    @Test
    void a_malformed_table_names_its_file_line_and_what_is_allowed() {
        String drugs = "name\tclass\tintrathecal\tbrand of\tsource\nmorphine\tnarcotic\t\t\tG14\n";
        String codes = "code\tfact\tvalue\tsource\n62362\tpumpType\ttrue\tCPT\n";
        String diagnoses = "code\tcondition\tICD-10-CM title\nG35\tMultiple Sclerosis\tMultiple sclerosis\n";
        assertThatThrownBy(() -> Terminology.parse(drugs, codes, diagnoses))
                .isInstanceOf(TerminologyException.class)
                .satisfies(e -> assertThat(((TerminologyException) e).problems()).containsExactly(
                        "drugs.tsv:2: class must be one of opioid, non-opioid-analgesic, antispasmodic, chemotherapy,"
                                + " anticoagulant, insulin, antibiotic, other",
                        "code-facts.tsv:2: fact must be intraspinal or programmablePump",
                        "diagnoses.tsv:2: condition must be a kebab-case value of indication.conditions"));
    }

    @Test
    void a_row_without_its_source_is_refused() {
        String drugs = "name\tclass\tintrathecal\tbrand of\tsource\nmorphine\topioid\tapproved\t\t\n";
        assertThatThrownBy(() -> Terminology.parse(drugs, "code\tfact\tvalue\tsource\n",
                "code\tcondition\tICD-10-CM title\n"))
                .hasMessage("drugs.tsv:2: a row needs its source");
    }
}
