package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.Determination;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;

/** G7: a code outside the policy's list is a warning a reviewer can read in one line. */
class CodeWarningsTest {
    private final Engine engine = new Engine();
    private final PolicyRegistry registry = PolicyRegistry.builtIn();

    private Determination withCodes(String policy, String... codes) {
        String request = "{\"requestId\": \"W\", \"serviceDate\": \"2024-09-01\", \"service\": {\"kind\": \"implant\","
                + " \"route\": \"intrathecal\", \"codes\": [\"" + String.join("\", \"", codes) + "\"]}}";
        return engine.evaluate(new RequestReader().read(request), registry.select(policy), LocalDate.of(2024, 9, 1));
    }

    @Test
    void a_listed_code_gives_no_warning() {
        assertThat(withCodes("nia-cg-310", "62362").warnings()).noneMatch(w -> w.startsWith("code "));
    }

    @Test
    void an_unlisted_code_names_the_policys_codes_of_the_same_kind() {
        List<String> warnings = withCodes("nia-cg-310", "62323").warnings();
        assertThat(warnings).containsExactly(
                "code 62323 is not in the code list of nia-cg-310@2024-01-01 (62350, 62351, 62355, 62360, 62361, 62362)");
    }

    @Test
    void a_long_code_list_is_cut_to_a_dozen_of_the_same_kind() {
        // Blue Shield of California lists 197 codes, most of them ICD-10-PCS.
        String warning = withCodes("bsc-7.01.41", "99999").warnings().get(0);
        assertThat(warning).startsWith("code 99999 is not in the code list of bsc-7.01.41@2019-05-01 (")
                .doesNotContain("0JH").hasSizeLessThan(200);
    }

    @Test
    void a_code_of_a_kind_the_policy_does_not_list_says_so() {
        assertThat(withCodes("bcbsnc-iip", "62362").warnings())
                .containsExactly("code 62362 is not in the code list of bcbsnc-iip@2005-04-07 (it lists no code of that kind)");
    }
}
