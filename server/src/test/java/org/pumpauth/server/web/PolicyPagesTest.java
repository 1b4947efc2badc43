package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;

/** The policies pages over HTTP: the list, a version's criteria beside their passages, and the diff of two versions. */
class PolicyPagesTest {
    private static final String MARKUP = "<script>alert(1)</script><b>bold</b>\"'&";
    private static RunningWorkspace workspace;
    private static ReviewService service;
    private static ReviewServer server;
    private static String nurse;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.onH2(new MutableClock(Instant.parse("2024-04-01T12:00:00Z")));
        service = workspace.service;
        server = workspace.server;
        nurse = service.keys().create(Role.NURSE, "nurse-n");
    }

    @AfterAll
    static void stop() {
        workspace.close();
    }

    private static Browserless signedIn(String key) {
        return workspace.signedIn(key);
    }

    @Test
    void every_signed_in_role_reads_the_policies_with_their_versions_dates_payer_and_source_document() {
        for (Role role : Role.values()) {
            Browserless b = signedIn(service.keys().create(role, "reader-" + role.code()));
            HttpResponse<String> r = b.get("/policies");
            assertThat(r.statusCode()).as(role.code()).isEqualTo(200);
            assertThat(r.body()).as(role.code()).contains("<a href=\"/policies\">Policies</a>")
                    .contains("<a href=\"/policies/nia-cg-310/versions/2023-07-01\">nia-cg-310@2023-07-01</a>")
                    .contains("2023-07-01 to 2023-12-31").contains("from 2024-01-01 (latest)")
                    .contains("National Imaging Associates (Evolent)").contains("000_ade0b84dfbdd6f77.txt")
                    .contains("Reconstructed: Rebuilt from the policy history")
                    .contains("cms-ncd-280.14@2004-12-17").contains("<a href=\"/policies/nia-cg-310/diff\">");
            assertThat(r.body()).as("one version: nothing to compare").doesNotContain("/policies/cms-ncd-280.14/diff");
        }
    }

    @Test
    void the_policies_pages_need_a_session_and_answer_only_get() {
        Browserless anonymous = new Browserless(server.port());
        for (String path : new String[] {"/policies", "/policies/nia-cg-310/versions/2024-01-01", "/policies/nia-cg-310/diff"}) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(path).contains("/login");
            HttpResponse<String> post = anonymous.send("POST", path);
            assertThat(post.statusCode()).as(path).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).as(path).contains("GET");
        }
    }

    @Test
    void a_versions_page_shows_its_pathways_and_each_criterion_with_words_logic_citation_note_and_highlighted_passage() {
        HttpResponse<String> r = signedIn(nurse).get("/policies/nia-cg-310/versions/2024-01-01");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(Workspace.CSP);
        String body = r.body();
        assertThat(body).contains("NIA_CG_310 Implantable Infusion Pump Insertion").contains("from 2024-01-01 (latest)")
                .contains("Procedure codes").contains("62350");
        assertThat(body).contains("Scope").contains("scope.intraspinal").contains("If not met: not addressed");
        assertThat(body).contains("<code>trial/chronic-pain</code>").contains("Applies when: <code>all of (service.kind in [trial])");
        assertThat(body).contains("<span class=\"words\">Persistent pain level of &gt;= 6 on a scale of 0 to 10 despite treatment</span>")
                .contains("Logic: <code>pain.score &gt;= 6</code>")
                .contains("Citation: 000_ade0b84dfbdd6f77.txt § INTRASPINAL DRUG TRIAL (its passage is shown above)")
                .contains("Citation: 000_ade0b84dfbdd6f77.txt § Additional Trials</p>")
                .contains("Interpretation: N24-2: the 2023 definition")
                .contains("<mark>INTRASPINAL DRUG TRIAL");
        assertThat(body).as("the other versions and the diff are a click away")
                .contains("<a href=\"/policies/nia-cg-310/versions/2023-01-01\">2023-01-01</a>")
                .contains("<strong aria-current=\"page\">2024-01-01</strong>");
    }

    @Test
    void an_unknown_version_or_policy_is_404_naming_the_versions_without_repeating_the_path() {
        Browserless b = signedIn(nurse);
        HttpResponse<String> version = b.get("/policies/nia-cg-310/versions/2022-02-02");
        assertThat(version.statusCode()).isEqualTo(404);
        assertThat(version.headers().firstValue("Content-Type")).as("the workspace's error page, not the API's problem")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(version.body()).contains("no such version of this policy; its versions are 2023-01-01, 2023-07-01, 2024-01-01")
                .doesNotContain("2022-02-02");
        HttpResponse<String> policy = b.get("/policies/PATIENT-SMITH/versions/2024-01-01");
        assertThat(policy.statusCode()).isEqualTo(404);
        assertThat(policy.body()).contains("no such policy").doesNotContain("PATIENT-SMITH");
        assertThat(b.get("/policies/PATIENT-SMITH/diff").body()).doesNotContain("PATIENT-SMITH");
    }

    @Test
    void the_diff_compares_the_latest_version_with_the_one_before_unless_two_are_chosen() {
        String body = signedIn(nurse).get("/policies/nia-cg-310/diff").body();
        assertThat(body).contains("nia-cg-310@2023-07-01</a>").contains("nia-cg-310@2024-01-01</a>")
                .containsPattern("<strong>\\d+ added, \\d+ removed, \\d+ changed</strong>");
        assertThat(body).contains("<option value=\"2023-07-01\" selected>").contains("<option value=\"2024-01-01\" selected>");
    }

    @Test
    void the_diff_names_a_removed_criterion_in_every_pathway_with_its_words_logic_citation_and_note() {
        HttpResponse<String> r = signedIn(nurse).get("/policies/nia-cg-310/diff?from=2023-01-01&to=2023-07-01");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        // May 2023: NIA "Removed language 'A life expectancy of at least 3 months'" from every pathway.
        assertThat(body).contains("<strong>0 added, 4 removed, 0 changed</strong>");
        assertThat(count(body, "<span class=\"kind\">removed</span> Criterion life-expectancy")).isEqualTo(4);
        assertThat(body).contains("Pathway implant/spasticity: A permanently implanted infusion pump for the treatment of spasticity")
                .contains("A life expectancy of at least 3 months")
                .contains("<dt>Logic</dt><dd>any of (indication.lifeExpectancyMonths &gt;= 3)")
                .contains("<dt>Citation</dt><dd>001_ee3eda3fc3f19395.txt § INDICATIONS FOR IMPLANTABLE INFUSION PUMP INSERTION")
                .contains("<dt>Interpretation</dt>");
    }

    @Test
    void a_changed_criterion_shows_each_changed_part_with_struck_and_added_words() {
        String body = signedIn(nurse).get("/policies/nia-cg-310/diff?from=2023-07-01&to=2024-01-01").body();
        int at = body.indexOf("<span class=\"kind\">changed</span> Criterion pain.conservative-therapy.failed-course");
        assertThat(at).as("the change of pain.conservative-therapy.failed-course").isPositive();
        String change = body.substring(at, body.indexOf("</li>", at));
        assertThat(change).contains("<th scope=\"row\">Words</th>")
                .contains("<del><span class=\"visually-hidden\">removed: </span>non-operative</del>")
                .contains("<ins><span class=\"visually-hidden\">added: </span>meaningful improvement or with worsening</ins>")
                .contains("<th scope=\"row\">Logic (facts, thresholds, values)</th>")
                .contains("<ins><span class=\"visually-hidden\">added: </span>(conservativeTherapy.regionSpecific is true),</ins>");
        assertThat(body).contains("<span class=\"kind\">added</span> Criterion pain.conservative-therapy.medical-reason");
    }

    @Test
    void a_wrong_choice_of_versions_is_400_naming_the_field_and_the_versions_without_repeating_it() {
        Browserless b = signedIn(nurse);
        HttpResponse<String> r = b.get("/policies/nia-cg-310/diff?from=" + URLEncoder.encode(MARKUP, StandardCharsets.UTF_8)
                + "&to=2024-01-01");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("from: must be one of the versions of nia-cg-310: 2023-01-01, 2023-07-01, 2024-01-01")
                .doesNotContain("alert(1)").doesNotContain("<b>bold");
        HttpResponse<String> same = b.get("/policies/nia-cg-310/diff?from=2024-01-01&to=2024-01-01");
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("to: must be another version than from");
    }

    @Test
    void a_policy_with_one_version_says_there_is_nothing_to_compare() {
        HttpResponse<String> r = signedIn(nurse).get("/policies/cms-ncd-280.14/diff");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("This policy has one version (2004-12-17): there is nothing to compare.")
                .doesNotContain("<select");
    }

    @Test
    void the_policy_on_a_case_page_opens_the_version_the_case_was_reviewed_under() {
        ReviewCase c = service.cases().submit(new Caller("clinic-a", Role.SUBMITTER),
                Requests.meetsCriteria("P-1").getBytes(StandardCharsets.UTF_8)).reviewCase();
        Browserless b = signedIn(nurse);
        Matcher link = Pattern.compile("<dt>Policy</dt><dd><a href=\"([^\"]+)\">").matcher(b.get("/cases/" + c.id()).body());
        assertThat(link.find()).as("a link on the policy").isTrue();
        assertThat(link.group(1)).isEqualTo("/policies/nia-cg-310/versions/2024-01-01");
        assertThat(b.get(link.group(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_link_to_a_version_is_made_only_of_a_policy_id_and_a_date() {
        assertThat(PolicyPages.href("nia-cg-310", Optional.of("2024-01-01"))).isEqualTo("/policies/nia-cg-310/versions/2024-01-01");
        assertThat(PolicyPages.href("nia-cg-310", Optional.empty())).isEqualTo("/policies");
        assertThat(PolicyPages.href("", Optional.of("2024-01-01"))).isEqualTo("/policies");
        assertThat(PolicyPages.href("a/../../x", Optional.of("2024-01-01"))).isEqualTo("/policies");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
