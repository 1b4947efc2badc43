package org.pumpauth.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;

/** What a case run reports when the determination is not the one the case expects: each difference, in words. */
class CaseRunnerTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final String BASE = "{'requestId': 'R-1', 'serviceDate': '2024-05-01',"
            + " 'service': {'kind': 'implant', 'codes': ['62362'], 'route': 'intrathecal', 'drug': {'name': 'morphine'}},"
            + " 'indication': {'category': 'cancer-pain', 'lifeExpectancyMonths': 8},"
            + " 'pain': {'severeIntractable': true, 'exaggeratingFactorsAddressed': true},"
            + " 'medicationTrials': [{'class': 'opioid', 'route': 'oral', 'weeks': 10, 'outcome': 'failed'}],"
            + " 'intraspinalTrials': [{'route': 'epidural', 'mode': 'continuous', 'drugClass': 'opioid',"
            + " 'reliefPercent': 55, 'sideEffectsTolerable': true, 'patientAccepts': true}]}";

    @Test
    void a_case_that_gets_what_it_expects_passes() {
        CaseResult result = run("{'outcome': 'MEETS_CRITERIA', 'version': '2004-12-17', 'pathway': 'implant/pain',"
                + " 'missing': [], 'criteria': {'implant/pain': 'MET'}}", "{}");

        assertThat(result.differences()).isEmpty();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void a_failing_case_lists_each_difference_in_the_order_of_the_expectation() {
        CaseResult result = run("{'outcome': 'MEETS_CRITERIA', 'version': null, 'pathway': 'implant/spasticity',"
                + " 'missing': ['pain.severeIntractable', 'pain.score'], 'criteria': {'implant/pain': 'MET', 'no-such': 'MET'},"
                + " 'warnings': ['reconstructed']}", "{'pain': null}");

        assertThat(result.passed()).isFalse();
        assertThat(result.differences()).containsExactly(
                "outcome: expected MEETS_CRITERIA, got INSUFFICIENT_INFORMATION",
                "version: expected none, got 2004-12-17",
                "pathway: expected implant/spasticity, got implant/pain",
                "missing: expected [pain.score, pain.severeIntractable], got [pain.exaggeratingFactorsAddressed,"
                        + " pain.severeIntractable]; not asked: pain.score; asked too: pain.exaggeratingFactorsAddressed",
                "criterion implant/pain: expected MET, got UNKNOWN",
                "criterion no-such: expected MET, not in the determination",
                "warnings: none contains \"reconstructed\"");
    }

    @Test
    void a_request_the_reader_refuses_is_a_failure_naming_the_field_not_its_value() {
        CaseResult result = run("{'outcome': 'MEETS_CRITERIA'}", "{'indication': {'lifeExpectancyMonths': 'Jane Doe'}}");

        assertThat(result.determination()).isEmpty();
        assertThat(result.differences()).singleElement().asString()
                .startsWith("request: indication.lifeExpectancyMonths: ").doesNotContain("Jane");
    }

    @Test
    void a_case_naming_no_policy_or_an_unknown_one_fails_saying_so() {
        CaseResult none = CaseRunner.byCase(POLICIES).run(read("c.json", "{'outcome': 'MEETS_CRITERIA'}", "{}"));
        CaseResult unknown = CaseRunner.byCase(POLICIES).run(read("nope/2024-01-01/c.json", "{'outcome': 'MEETS_CRITERIA'}", "{}"));

        assertThat(none.differences()).containsExactly("policy: is not stated, and the case is not in a"
                + " <policy>/<version>/ folder; state it as ID or ID@YYYY-MM-DD");
        assertThat(unknown.differences()).singleElement().asString()
                .startsWith("policy: unknown policy 'nope'; known: bcbsnc-iip, bsc-7.01.41,");
    }

    @Test
    void under_one_policy_every_case_is_read_under_it_whatever_its_folder_says() {
        CaseResult result = CaseRunner.under(POLICIES.select("nia-cg-310@2024-01-01"))
                .run(read("cms-ncd-280.14/2004-12-17/c.json", "{'outcome': 'NOT_ADDRESSED'}", "{}"));

        assertThat(result.determination().orElseThrow().policy().id()).isEqualTo("nia-cg-310");
    }

    private static CaseResult run(String expect, String patch) {
        return CaseRunner.byCase(POLICIES).run(read("cms-ncd-280.14/2004-12-17/c.json", expect, patch));
    }

    private static PolicyCase read(String path, String expect, String patch) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("bases/pain.json", json(BASE));
        files.put(path, json("{'description': 'd', 'exercises': [], 'base': 'pain', 'patch': " + patch
                + ", 'expect': " + expect + "}"));
        List<PolicyCase> cases = new CaseReader().read(files);
        return cases.get(0);
    }

    private static byte[] json(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }
}
