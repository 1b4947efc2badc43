package org.pumpauth.notes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ConText's rule families, one sentence each; the mention is the upper-cased words. */
class ContextTest {

    private static Assertion assess(String sentence) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < sentence.length(); i++) {
            boolean upper = Character.isUpperCase(sentence.charAt(i))
                    && (i + 1 >= sentence.length() || !Character.isLowerCase(sentence.charAt(i + 1)));
            if (upper && start < 0) {
                start = i;
            }
            if (upper) {
                end = i + 1;
            }
        }
        return ConText.standard().assess(sentence, start, end);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "the patient denies CHEST PAIN.|Negated",
                "no fever, chills or NIGHT SWEATS.|Negated",
                "negative for ACTIVE INFECTION.|Negated",
                "MENINGITIS was ruled out.|Negated",
                "she has no history of SEIZURES.|Negated",
                "not consistent with DISCITIS.|Negated",
                "no fever but reports COUGH.|Affirmed",
                "no change in the size of the MASS.|Affirmed",
                "he reports SEVERE PAIN today.|Affirmed",
                "the symptoms did not respond, so SPASMS persist.|Affirmed",
                "CT of the head without contrast shows HEMORRHAGE.|Affirmed",
            })
    void negation_triggers_pseudo_triggers_and_terminators(String sentence, String negation) {
        assertThat(assess(sentence).negation().label()).isEqualTo(negation);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "past medical history of DIABETES and asthma.|Historical",
                "she is status post LAMINECTOMY.|Historical",
                "he had ENDOCARDITIS in the past.|Historical",
                "a two-day history of FEVER.|Recent",
                "a 60-year-old woman with LOW BACK PAIN.|Recent",
                "return if she develops FEVER.|Not particular",
                "the risk of INFECTION was discussed.|Not particular",
                "he had ENDOCARDITIS history.|Historical",
                "she feels as if she will PASS OUT.|Not particular",
                "pain is SEVERE today.|Recent",
            })
    void temporality_history_and_hypotheticals(String sentence, String temporality) {
        assertThat(assess(sentence).temporality().label()).isEqualTo(temporality);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "family history of COLON CANCER.|Family member",
                "her mother had MULTIPLE SCLEROSIS.|Family member",
                "his wife has INFLUENZA.|Other",
                "the patient reports BACK PAIN.|Patient",
                "mother lives nearby; the patient has SPASTICITY.|Patient",
            })
    void experiencer_family_and_other_people(String sentence, String experiencer) {
        assertThat(assess(sentence).experiencer().label()).isEqualTo(experiencer);
    }
}
