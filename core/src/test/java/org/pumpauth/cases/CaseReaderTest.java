package org.pumpauth.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;

/** How a folder of cases is read: bases found up the tree, the patch applied, the policy from the folder, every error at once. */
class CaseReaderTest {
    private static final String BASE = "{'requestId': 'B-1', 'service': {'kind': 'implant', 'route': 'intrathecal'},"
            + " 'indication': {'category': 'spasticity'}}";

    @Test
    void a_case_is_its_base_with_its_patch_under_the_policy_of_its_folder() {
        List<PolicyCase> cases = read(Map.of(
                "nia-cg-310/2024-01-01/bases/spasticity.json", BASE,
                "nia-cg-310/2024-01-01/epidural.json", "{'description': 'An epidural pump', 'exercises': ['scope'],"
                        + " 'base': 'spasticity', 'patch': {'service': {'route': 'epidural'}, 'indication': null},"
                        + " 'expect': {'outcome': 'NOT_ADDRESSED', 'pathway': null, 'version': '2024-01-01',"
                        + " 'missing': ['a.b'], 'criteria': {'scope': 'NOT_MET'}, 'warnings': ['code']}}"));

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("nia-cg-310/2024-01-01/epidural");
            assertThat(c.policy()).contains("nia-cg-310@2024-01-01");
            assertThat(c.base()).isEqualTo("nia-cg-310/2024-01-01/bases/spasticity.json");
            assertThat(c.request()).isEqualTo(
                    "{\"requestId\":\"B-1\",\"service\":{\"kind\":\"implant\",\"route\":\"epidural\"}}");
            assertThat(c.expect()).isEqualTo(new Expectation(Outcome.NOT_ADDRESSED, Optional.of(Optional.of("2024-01-01")),
                    Optional.of(Optional.empty()), Optional.of(Set.of("a.b")), Map.of("scope", Result.NOT_MET),
                    List.of("code")));
        });
    }

    @Test
    void a_base_is_found_in_the_nearest_folder_above_and_a_stated_policy_wins() {
        List<PolicyCase> cases = read(Map.of(
                "bases/spasticity.json", BASE,
                "mine/spasticity/bases/other.json", "{'requestId': 'X'}",
                "mine/spasticity/as-is.json", "{'description': 'd', 'exercises': [], 'policy': 'bsc-7.01.41',"
                        + " 'base': 'spasticity', 'expect': {'outcome': 'MEETS_CRITERIA'}}",
                "README.md", "not a case"));

        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.base()).isEqualTo("bases/spasticity.json");
            assertThat(c.policy()).contains("bsc-7.01.41");
            assertThat(c.request()).isEqualTo(json(BASE).replace(" ", ""));
            assertThat(c.expect().missing()).isEmpty();
        });
    }

    @Test
    void a_case_outside_a_version_folder_that_names_no_policy_has_none() {
        List<PolicyCase> cases = read(Map.of("bases/b.json", BASE,
                "c.json", "{'description': 'd', 'exercises': [], 'base': 'b', 'expect': {'outcome': 'MEETS_CRITERIA'}}"));

        assertThat(cases).singleElement().satisfies(c -> assertThat(c.policy()).isEmpty());
    }

    @Test
    void every_problem_of_every_file_is_reported_at_once_with_its_member_and_what_is_allowed() {
        Map<String, String> files = new TreeMap<>(Map.of(
                "p/2024-01-01/bases/b.json", BASE,
                "p/2024-01-01/a.json", "{'description': '', 'exercises': 'scope', 'base': 'missing', 'patch': [1],"
                        + " 'expect': {'outcome': 'MET', 'mising': [], 'version': 3, 'criteria': {'x': 'met'},"
                        + " 'warnings': [1]}, 'request': {}}",
                "p/2024-01-01/b.json", "{'description': 'Jane Doe, no closing brace'",
                "p/2024-01-01/c.json", "['a list']",
                "p/2024-01-01/d.json", "{'description': 'd', 'exercises': [], 'base': 'b'}"));

        assertThatThrownBy(() -> read(files)).isInstanceOfSatisfying(CaseFormatException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "p/2024-01-01/b.json:1:45: not valid JSON",
                        "p/2024-01-01/a.json: request: not a member of a case; allowed: description, exercises, policy,"
                                + " base, patch, expect",
                        "p/2024-01-01/a.json: description: must say what the case shows",
                        "p/2024-01-01/a.json: exercises: must be a list of strings",
                        "p/2024-01-01/a.json: base: no bases/missing.json in the case's folder or a folder above it",
                        "p/2024-01-01/a.json: patch: must be an object, a JSON merge patch (RFC 7396) of the base request",
                        "p/2024-01-01/a.json: expect.mising: not a member of a case; allowed: outcome, version, pathway,"
                                + " missing, criteria, warnings",
                        "p/2024-01-01/a.json: expect.outcome: must be one of NOT_ADDRESSED, INVESTIGATIONAL,"
                                + " DOES_NOT_MEET_CRITERIA, CASE_BY_CASE, INSUFFICIENT_INFORMATION, MEETS_CRITERIA",
                        "p/2024-01-01/a.json: expect.version: must be a string, or null for none",
                        "p/2024-01-01/a.json: expect.criteria.x: must be one of MET, NOT_MET, UNKNOWN",
                        "p/2024-01-01/a.json: expect.warnings: must be a list of strings",
                        "p/2024-01-01/c.json: must be an object with description, exercises, policy, base, patch, expect",
                        "p/2024-01-01/d.json: expect: must be an object with at least the outcome"));
    }

    private static List<PolicyCase> read(Map<String, String> files) {
        Map<String, byte[]> bytes = new TreeMap<>();
        files.forEach((path, text) -> bytes.put(path, json(text).getBytes(StandardCharsets.UTF_8)));
        return new CaseReader().read(bytes);
    }

    private static String json(String text) {
        return text.replace('\'', '"');
    }
}
