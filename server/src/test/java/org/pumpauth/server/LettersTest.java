package org.pumpauth.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.audit.AuditVerifier;
import org.pumpauth.server.audit.Sha256;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.letters.IssuedLetter;
import org.pumpauth.server.letters.Letter;
import org.pumpauth.server.letters.LetterInput;
import org.pumpauth.server.letters.LetterKind;
import org.pumpauth.server.letters.LetterPdf;
import org.pumpauth.server.letters.LetterText;
import org.pumpauth.server.letters.LettersTesting;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.TestDatabase;

/**
 * Letters: each kind for the examples of every policy, in plain words, with the reasons traceable to
 * criteria, their PDF, escaping, replays and the audit trail; run on both databases by
 * {@link LettersOnH2Test} and {@link LettersOnPostgresqlTest}.
 */
abstract class LettersTest {
    private static final PolicyRegistry POLICIES = PolicyRegistry.builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final List<String> POLICY_IDS = List.of("nia-cg-310", "cohere-ma-itp", "bcbsnc-iip", "bsc-7.01.41",
            "cms-ncd-280.14");
    private static final Caller CLINIC = new Caller("clinic-a", Role.SUBMITTER);
    private static final Caller OTHER_CLINIC = new Caller("clinic-b", Role.SUBMITTER);
    private static final Caller NURSE = new Caller("nurse-kim", Role.NURSE, "Kim Ortiz, RN");
    private static final Caller DOCTOR = new Caller("dr-lee", Role.PHYSICIAN, "Dr. Ana Lee, MD");
    private static final Caller SECOND_DOCTOR = new Caller("dr-park", Role.PHYSICIAN, "Dr. Sam Park, DO");
    private static final String RATIONALE = "No intraspinal opioid trial on file; criteria not met.";

    private final TestDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T12:00:00Z"));
    private ReviewService service;
    private CaseService cases;

    LettersTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void open() {
        service = ReviewService.open(database.fresh(), POLICIES, Optional.empty(), clock);
        cases = service.cases();
    }

    @AfterEach
    void close() {
        service.close();
    }

    /** Every example under its own policy; an example that names none (the comparisons), under each policy. */
    private static List<Map.Entry<String, ObjectNode>> examples() throws IOException {
        List<Map.Entry<String, ObjectNode>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                ObjectNode request = (ObjectNode) JSON.readTree(file.toFile());
                List<String> policies = request.hasNonNull("policy") ? List.of(request.get("policy").asText()) : POLICY_IDS;
                for (String policy : policies) {
                    ObjectNode copy = request.deepCopy();
                    copy.put("policy", policy).put("requestId", file.getFileName() + "@" + policy);
                    out.add(Map.entry(file.getFileName() + " under " + policy, copy));
                }
            }
        }
        return out;
    }

    private ReviewCase submit(Caller caller, JsonNode request) {
        return cases.submit(caller, request.toString().getBytes(UTF_8)).reviewCase();
    }

    private ReviewCase decide(Caller caller, ReviewCase c, String decision, String rationale) {
        ObjectNode body = JSON.createObjectNode().put("decision", decision).put("rationale", rationale);
        return cases.decide(caller, c.id(), body.toString().getBytes(UTF_8));
    }

    private List<LetterKind> kinds(ReviewCase c) {
        return cases.letters(CLINIC, c.id()).stream().map(Letter::kind).toList();
    }

    @Test
    void every_example_of_every_policy_gets_each_kind_of_letter_in_plain_words_with_its_reasons_traced() throws IOException {
        Map<String, Set<LetterKind>> kindsByPolicy = new TreeMap<>();
        Set<String> firstOfPolicy = new java.util.HashSet<>();
        for (Map.Entry<String, ObjectNode> example : examples()) {
            String policy = example.getValue().get("policy").asText();
            ReviewCase c = submit(CLINIC, example.getValue());
            List<LetterKind> expected = new ArrayList<>();
            if (c.status() == CaseStatus.APPROVED) {
                expected.add(LetterKind.APPROVAL);
            } else {
                if (c.status() == CaseStatus.INFORMATION_REQUESTED) {
                    expected.add(LetterKind.INFORMATION_REQUEST);
                }
                c = decide(DOCTOR, c, "deny", RATIONALE);
                expected.add(LetterKind.DENIAL);
            }
            cases.issueLetter(c.id(), LetterKind.EXTENSION, Optional.of(new LetterInput.Extension(c.dueAt(),
                    c.dueAt().plus(Duration.ofDays(14)), "We asked an outside pain doctor to look at the records.")),
                    Optional.empty());
            expected.add(LetterKind.EXTENSION);
            if (c.status() == CaseStatus.DENIED) {
                for (boolean approved : List.of(false, true)) {
                    cases.issueLetter(c.id(), LetterKind.RECONSIDERATION, Optional.empty(), Optional.of(
                            new LetterInput.Reconsideration(approved, CaseService.decider(SECOND_DOCTOR, "Reviewed again."))));
                    expected.add(LetterKind.RECONSIDERATION);
                }
            }

            assertThat(kinds(c)).as(example.getKey()).containsExactlyElementsOf(expected);
            JsonNode determination = JSON.readTree(c.latest().orElseThrow().json());
            for (Letter letter : cases.letters(CLINIC, c.id())) {
                IssuedLetter issued = cases.letter(CLINIC, c.id(), letter.id());
                LettersTesting.assertPlainAndTraced(example.getKey() + " " + letter.kind().code(), issued.html().content(),
                        determination);
                assertThat(letter.sha256()).isEqualTo(Sha256.hex(issued.html().content()));
                if (letter.kind() == LetterKind.DENIAL) {
                    LettersTesting.assertPdfStatesReasonsAndRights(example.getKey(), LetterPdf.render(issued), determination,
                            policy);
                }
            }
            kindsByPolicy.computeIfAbsent(policy, p -> EnumSet.noneOf(LetterKind.class)).addAll(kinds(c));
            if (firstOfPolicy.add(policy)) {
                // The example with only what it asks for and for whom: the policy asks for the rest
                // (an information request), and a nurse then approves it (a reviewer's approval).
                ObjectNode bare = JSON.createObjectNode();
                for (String field : List.of("requestId", "policy", "receivedAt", "urgency", "serviceDate", "member", "service",
                        "indication")) {
                    if (example.getValue().has(field)) {
                        bare.set(field, example.getValue().get(field));
                    }
                }
                bare.put("requestId", bare.get("requestId").asText() + "-bare");
                ReviewCase b = submit(CLINIC, bare);
                if (!b.status().isFinal()) {
                    b = decide(NURSE, b, "approve", "Records reviewed by phone.");
                }
                JsonNode bareDetermination = JSON.readTree(b.latest().orElseThrow().json());
                for (Letter letter : cases.letters(CLINIC, b.id())) {
                    LettersTesting.assertPlainAndTraced(example.getKey() + " bare " + letter.kind().code(),
                            cases.letter(CLINIC, b.id(), letter.id()).html().content(), bareDetermination);
                }
                kindsByPolicy.get(policy).addAll(kinds(b));
            }
        }
        assertThat(kindsByPolicy.keySet()).containsExactlyInAnyOrderElementsOf(POLICY_IDS);
        kindsByPolicy.forEach((policy, kinds) -> assertThat(kinds).as(policy).containsExactlyInAnyOrder(LetterKind.values()));
        AuditVerifier.Verification verification = service.audit().verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.letters()).isGreaterThan(100);
    }

    @Test
    void a_denial_names_the_physician_quotes_each_criterion_not_met_and_gives_the_medicare_advantage_appeal_rights()
            throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLES.resolve("nia-implant-pain-non-opioid-trial.json").toFile());
        request.put("policy", "cohere-ma-itp");
        ReviewCase c = decide(DOCTOR, submit(CLINIC, request), "deny", RATIONALE);
        Letter letter = cases.letters(CLINIC, c.id()).get(cases.letters(CLINIC, c.id()).size() - 1);
        String text = LetterText.normalized(LetterText.pdfText(LetterPdf.render(cases.letter(CLINIC, c.id(), letter.id()))));

        assertThat(letter.kind()).isEqualTo(LetterKind.DENIAL);
        assertThat(text).contains("We will not pay for the service your doctor asked for: an implanted pump",
                "The doctor who made this decision is Dr. Ana Lee, MD, a physician reviewer for Example Health Plan.",
                "You must ask within 65 days from the date of this letter.",
                "A standard appeal gets an answer within 30 days.", "A fast appeal gets an answer within 72 hours.",
                "What could change this decision", "62362");
        JsonNode determination = JSON.readTree(c.latest().orElseThrow().json());
        assertThat(determination.get("outcome").asText()).isNotEqualTo("MEETS_CRITERIA");
        for (JsonNode reason : determination.get("reasons")) {
            assertThat(text).contains(LetterText.normalized(LettersTesting.quotedText(reason.asText(), determination)));
        }
    }

    @Test
    void a_commercial_denial_gives_the_internal_appeal_and_the_external_review() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLES.resolve("nia-implant-pain-non-opioid-trial.json").toFile());
        ReviewCase c = decide(DOCTOR, submit(CLINIC, request), "deny", RATIONALE);
        Letter letter = cases.letters(CLINIC, c.id()).get(0);
        String text = LetterText.normalized(LetterText.pdfText(LetterPdf.render(cases.letter(CLINIC, c.id(), letter.id()))));

        assertThat(text).contains("This is called an internal appeal.", "you can ask for an external review",
                "Documentation of a successful trial of intraspinal (intrathecal or epidural) opioid medication",
                "intraspinal trial 1, drug class: non opioid analgesic")
                .doesNotContain("65 days");
    }

    @Test
    void the_pdf_embeds_its_fonts_is_tagged_and_is_the_same_bytes_each_time() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLES.resolve("nia-trial-pain-not-met.json").toFile());
        ReviewCase c = decide(DOCTOR, submit(CLINIC, request), "deny", RATIONALE);
        IssuedLetter letter = cases.letter(CLINIC, c.id(), cases.letters(CLINIC, c.id()).get(0).id());
        byte[] pdf = LetterPdf.render(letter);

        assertThat(LetterPdf.render(letter)).isEqualTo(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Notice of denial of coverage - Example Health Plan");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(letter.letter().createdAt());
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void markup_in_the_request_and_the_rationale_is_text_in_the_html_and_the_pdf() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLES.resolve("nia-implant-pain-non-opioid-trial.json").toFile());
        ((ObjectNode) request.get("member")).put("id", "<script>alert('m')</script>");
        request.put("requestId", "R-<b>1</b>");
        ReviewCase c = decide(DOCTOR, submit(CLINIC, request), "deny", "<script>alert('r')</script> & <i>no trial</i>");
        IssuedLetter letter = cases.letter(CLINIC, c.id(), cases.letters(CLINIC, c.id()).get(0).id());
        String html = letter.html().content();
        LetterText dom = LetterText.of(html);

        assertThat(dom.elements("script")).isEmpty();
        assertThat(dom.elements("i")).isEmpty();
        assertThat(html).contains("&lt;script&gt;alert(&#39;m&#39;)&lt;/script&gt;", "R-&lt;b&gt;1&lt;/b&gt;",
                "&lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt; &amp; &lt;i&gt;no trial&lt;/i&gt;");
        String pdf = LetterText.normalized(LetterText.pdfText(LetterPdf.render(letter)));
        assertThat(pdf).contains("Member ID: <script>alert('m')</script>", "<script>alert('r')</script> & <i>no trial</i>");
    }

    @Test
    void a_replayed_submission_adds_no_letter_and_each_letter_is_an_entry_of_the_audit_trail() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLES.resolve("nia-implant-pain-missing-psych.json").toFile());
        ReviewCase c = submit(CLINIC, request);
        CaseService.Submission again = cases.submit(CLINIC, request.toString().getBytes(UTF_8));

        assertThat(again.created()).isFalse();
        assertThat(kinds(c)).containsExactly(LetterKind.INFORMATION_REQUEST);
        Letter letter = cases.letters(CLINIC, c.id()).get(0);
        long entries = service.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry WHERE case_id = ?"
                + " AND event = 'letter-issued' AND content_hash = ?").bind(0, c.id()).bind(1, letter.sha256())
                .mapTo(Long.class).one());
        assertThat(entries).isEqualTo(1);
        assertThat(service.audit().verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.letters()).isEqualTo(1);
        });
    }

    @Test
    void information_that_approves_the_case_issues_an_approval_letter() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLES.resolve("nia-implant-pain-missing-psych.json").toFile());
        ReviewCase c = submit(CLINIC, request);
        String patch = "{\"psychEvaluation\": {\"completed\": true, \"date\": \"2024-06-20\", \"evaluator\": \"psychologist\","
                + " \"appropriateCandidate\": true, \"documentsCognitiveAbility\": true, \"documentsPhysicalCapability\": true,"
                + " \"documentsWillingness\": true}}";

        ReviewCase after = cases.addInformation(CLINIC, c.id(), patch.getBytes(UTF_8));

        assertThat(after.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(kinds(c)).containsExactly(LetterKind.INFORMATION_REQUEST, LetterKind.APPROVAL);
    }

    @Test
    void an_information_request_lists_each_missing_item_as_the_determination_words_it_with_the_due_date() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLES.resolve("nia-implant-pain-missing-psych.json").toFile());
        ReviewCase c = submit(CLINIC, request);
        LetterText letter = LetterText.of(cases.letter(CLINIC, c.id(), cases.letters(CLINIC, c.id()).get(0).id()).html().content());
        JsonNode determination = JSON.readTree(c.latest().orElseThrow().json());

        List<String> asked = new ArrayList<>();
        determination.get("missingInformation").forEach(m -> asked.add(m.get("request").asText()));
        assertThat(letter.withClass("quote")).containsAll(asked);
        assertThat(LetterText.normalized(letter.text())).contains("We must make our decision by June 24, 2024, 9:02 PM UTC.");
    }

    @Test
    void another_submitter_cannot_see_a_cases_letters() throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(EXAMPLES.resolve("nia-implant-pain-missing-psych.json").toFile());
        ReviewCase c = submit(CLINIC, request);
        String letterId = cases.letters(CLINIC, c.id()).get(0).id();

        assertThatThrownBy(() -> cases.letters(OTHER_CLINIC, c.id())).isInstanceOf(ServiceException.NotFound.class);
        assertThatThrownBy(() -> cases.letter(OTHER_CLINIC, c.id(), letterId)).isInstanceOf(ServiceException.NotFound.class);
        assertThatThrownBy(() -> cases.letter(CLINIC, c.id(), "no-such-letter")).isInstanceOf(ServiceException.NotFound.class);
    }

    @Test
    void audit_verify_finds_a_letter_changed_or_swapped_for_another_document() throws IOException {
        ReviewCase first = submit(CLINIC, JSON.readTree(EXAMPLES.resolve("nia-implant-pain-missing-psych.json").toFile()));
        ReviewCase second = submit(CLINIC, JSON.readTree(EXAMPLES.resolve("nia-implant-chronic-pain.json").toFile()));
        Letter a = cases.letters(CLINIC, first.id()).get(0);
        Letter b = cases.letters(CLINIC, second.id()).get(0);
        assertThat(service.audit().verify().intact()).isTrue();

        service.database().jdbi().useHandle(h -> h.createUpdate("UPDATE letter SET sha256 = ? WHERE id = ?")
                .bind(0, b.sha256()).bind(1, a.id()).execute());
        assertThat(service.audit().verify().firstBreak()).hasValueSatisfying(br -> assertThat(br.reason())
                .isEqualTo("letter " + a.id() + " has no letter-issued entry in the trail naming its hash"));

        service.database().jdbi().useHandle(h -> h.createUpdate("UPDATE letter SET sha256 = ? WHERE id = ?")
                .bind(0, a.sha256()).bind(1, a.id()).execute());
        service.database().jdbi().useHandle(h -> h.createUpdate("UPDATE document SET content = ? WHERE hash = ?")
                .bind(0, "<html>changed</html>").bind(1, a.sha256()).execute());
        assertThat(service.audit().verify().firstBreak()).hasValueSatisfying(br -> assertThat(br.reason())
                .isEqualTo("its content does not match its content hash"));
    }
}
