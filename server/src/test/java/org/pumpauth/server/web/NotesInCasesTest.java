package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.letters.LetterSettings;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/**
 * Evidence from clinical notes in the service and the workspace (issue 14), over HTTP on H2: a case
 * whose psychological evaluation is only in its notes shows the facts they propose beside the
 * criterion, with the note's words marked; a nurse confirms them (API or workspace), each audited,
 * and the case is approved; a rejection is audited and not proposed again; notes attached as text
 * or PDF are read; bad input is a problem naming the field. The notes are read by the real
 * {@code NoteReader}, as a user's case is.
 */
class NotesInCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-03-05T12:00:00Z"));
    private static final String MARKUP = "<script>window.injected=1</script><b class=\"injected\">b</b>"
            + "<img src=x onerror=\"window.injected=2\">";
    /** A psychological evaluation whose words the reader reads into the four facts of the criterion. */
    static final String PSYCH = "PSYCHOLOGICAL EVALUATION\n"
            + "Psychological evaluation completed.\n"
            + "Cognitive ability is adequate.\n"
            + "She is physically able to come to refills.\n"
            + "She is willing to comply with follow-up.\n";
    static final String NO_INFECTION = "Denies active infection.";
    private static final String[] PSYCH_FIELDS = {"psychEvaluation.completed", "psychEvaluation.documentsCognitiveAbility",
        "psychEvaluation.documentsPhysicalCapability", "psychEvaluation.documentsWillingness"};
    /** The words each of {@link #PSYCH_FIELDS} is read from. */
    private static final String[] PSYCH_WORDS = {"Psychological evaluation completed", "Cognitive ability is adequate",
        "physically able", "willing to comply"};
    private static ReviewService service;
    private static ReviewServer server;
    private static Client api;
    private static String nurse;
    private static String clinic;
    private static int counter;

    @BeforeAll
    static void start() {
        service = ReviewService.open(TestDatabase.H2.fresh(), new Review(PolicyRegistry.builtIn()),
                Optional.of("nia-cg-310"), CLOCK, LetterSettings.builtIn());
        server = ReviewServer.start(service, "127.0.0.1", 0, false);
        api = new Client(server.port());
        nurse = service.keys().create(Role.NURSE, "nurse-n");
        clinic = service.keys().create(Role.SUBMITTER, "clinic-a");
    }

    @AfterAll
    static void stop() {
        server.close();
        service.close();
    }

    /** A request that meets the criteria but for its psychological evaluation, which only {@code notes} may state. */
    private static String psychOnlyInNotes(String... notes) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(Requests.meetsCriteria("N-" + (++counter)));
        request.remove("psychEvaluation");
        var list = request.putArray("notes");
        for (String note : notes) {
            list.addObject().put("date", "2024-02-20").put("author", "Psychology").put("text", note);
        }
        return request.toString();
    }

    private static JsonNode submit(String request) {
        Client.Response r = api.post("/v1/cases", clinic, request);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private static JsonNode latest(JsonNode c) {
        JsonNode ds = c.path("determinations");
        return ds.get(ds.size() - 1).path("determination");
    }

    private static List<String> trail(String id) {
        List<String> events = new ArrayList<>();
        service.database().jdbi().useHandle(h -> h.createQuery("SELECT event FROM audit_entry WHERE case_id = :id ORDER BY seq")
                .bind("id", id).mapTo(String.class).forEach(events::add));
        return events;
    }

    /** Each of {@code words} as the case page marks a note's evidence. */
    private static String[] marked(String... words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = "<mark>" + words[i] + "</mark>";
        }
        return out;
    }

    private static String answer(String decision, String field, String note) {
        return JSON.createObjectNode().put("decision", decision).put("field", field).put("note", note).toString();
    }

    @Test
    void a_case_whose_evaluation_is_only_in_its_notes_lists_the_proposals_and_confirming_them_approves_it()
            throws IOException {
        JsonNode c = submit(psychOnlyInNotes(PSYCH + "Seen 2024-02-20."));
        String id = c.path("id").asText();
        JsonNode d = latest(c);
        assertThat(c.path("status").asText()).isEqualTo("information-requested");
        assertThat(d.path("outcomeIfConfirmed").asText()).isEqualTo("MEETS_CRITERIA");
        assertThat(d.path("proposedFacts").findValuesAsText("field")).containsExactly(PSYCH_FIELDS);
        JsonNode first = d.path("proposedFacts").get(0);
        assertThat(first.path("criterion").asText()).isEqualTo("psychological-assessment");
        assertThat(first.path("evidence").get(0).path("text").asText()).isEqualTo(PSYCH_WORDS[0]);

        assertThat(api.post("/v1/cases/" + id + "/proposals", clinic, answer("confirm", PSYCH_FIELDS[0], "notes[0]")).status())
                .as("a submitter may not confirm").isEqualTo(403);
        JsonNode now = null;
        for (String field : PSYCH_FIELDS) {
            Client.Response r = api.post("/v1/cases/" + id + "/proposals", nurse, answer("confirm", field, "notes[0]"));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            now = r.json();
        }

        assertThat(now.path("status").asText()).isEqualTo("approved");
        assertThat(now.path("request").path("psychEvaluation").path("completed").booleanValue()).isTrue();
        assertThat(trail(id)).filteredOn(e -> e.equals("proposal-confirmed")).hasSize(4);
    }

    @Test
    void a_rejected_proposal_is_audited_and_not_proposed_again() throws IOException {
        String id = submit(psychOnlyInNotes(PSYCH)).path("id").asText();

        Client.Response r = api.post("/v1/cases/" + id + "/proposals", nurse,
                JSON.createObjectNode().put("decision", "reject").put("field", PSYCH_FIELDS[3]).put("note", "notes[0]")
                        .put("reason", "the evaluation does not say so").toString());

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode d = latest(r.json());
        assertThat(d.path("proposedFacts").findValuesAsText("field")).hasSize(3).doesNotContain(PSYCH_FIELDS[3]);
        assertThat(d.path("outcomeIfConfirmed").asText()).isEqualTo("INSUFFICIENT_INFORMATION");
        assertThat(trail(id)).contains("proposal-rejected");
        assertThat(r.json().path("status").asText()).isEqualTo("information-requested");
    }

    @Test
    void a_bad_answer_is_a_problem_naming_each_field_and_an_answer_to_no_proposal_names_field() throws IOException {
        String id = submit(psychOnlyInNotes(PSYCH)).path("id").asText();

        Client.Response bad = api.post("/v1/cases/" + id + "/proposals", nurse, "{\"decision\": \"maybe\", \"note\": 3}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("decision").contains("confirm or reject").contains("field").contains("note")
                .doesNotContain("maybe");
        Client.Response none = api.post("/v1/cases/" + id + "/proposals", nurse,
                answer("confirm", "pain.score", "notes[0]"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text()).contains("field").contains("proposedFacts");
    }

    @Test
    void a_note_attached_as_text_or_as_a_pdf_is_read_for_evidence_and_junk_is_a_problem_naming_body() throws IOException {
        String id = submit(psychOnlyInNotes()).path("id").asText();

        Client.Response text = api.sendBytes("POST", "/v1/cases/" + id + "/notes", "Bearer " + clinic,
                "text/plain; charset=utf-8", ("Pre-operative visit. " + NO_INFECTION).getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).as(text.text()).isEqualTo(200);
        Client.Response pdf = api.sendBytes("POST", "/v1/cases/" + id + "/notes", "Bearer " + clinic, "application/pdf",
                pdf(PSYCH));
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);

        JsonNode d = latest(pdf.json());
        assertThat(d.path("proposedFacts").findValuesAsText("note")).contains("attachments[1]");
        assertThat(d.path("proposedFacts").findValuesAsText("field")).contains(PSYCH_FIELDS);
        assertThat(d.path("warnings").toString()).as("both notes were read").doesNotContain("not read");
        assertThat(trail(id)).filteredOn(e -> e.equals("note-attached")).hasSize(2);

        Client.Response junk = api.sendBytes("POST", "/v1/cases/" + id + "/notes", "Bearer " + clinic, "application/pdf",
                new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, (byte) 0xff});
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.text()).contains("body").contains("readable PDF");
        Client.Response latin1 = api.sendBytes("POST", "/v1/cases/" + id + "/notes", "Bearer " + clinic, "text/plain",
                new byte[] {'J', 'o', (byte) 0xe9});
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.text()).contains("body").contains("UTF-8");
    }

    @Test
    void in_the_workspace_a_nurse_sees_the_note_with_its_words_marked_beside_the_criterion_and_confirms_to_approve()
            throws IOException {
        String note = PSYCH + "Seen 2024-02-20 " + MARKUP + ".\nPlan: implant.";
        String id = submit(psychOnlyInNotes(note)).path("id").asText();
        Browserless b = new Browserless(server.port());
        assertThat(b.signIn(nurse).statusCode()).isEqualTo(303);

        String page = b.get("/cases/" + id).body();
        assertThat(page).contains("Proposed by the clinical notes")
                .contains("outcome would be\n<strong>MEETS_CRITERIA</strong>")
                .contains("[psychological-assessment]")
                .contains(marked(PSYCH_WORDS))
                .contains("&lt;script&gt;window.injected=1&lt;/script&gt;")
                .doesNotContain(MARKUP).doesNotContain("<b class=\"injected\">");
        assertThat(page.split("<article class=\"proposal\"", -1)).hasSize(5);

        for (String field : PSYCH_FIELDS) {
            String csrf = Browserless.csrf(b.get("/cases/" + id).body());
            HttpResponse<String> r = b.post("/cases/" + id + "/proposal", "csrf", csrf, "field", field, "note", "notes[0]",
                    "reason", "", "decision", "confirm");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        }

        String decided = b.get("/cases/" + id).body();
        assertThat(decided).contains("approved").doesNotContain("Proposed by the clinical notes");
        assertThat(trail(id)).filteredOn(e -> e.equals("proposal-confirmed")).hasSize(4);
    }

    @Test
    void a_submitter_sees_the_proposals_but_no_confirm_button() throws IOException {
        String id = submit(psychOnlyInNotes(PSYCH)).path("id").asText();
        Browserless b = new Browserless(server.port());
        assertThat(b.signIn(clinic).statusCode()).isEqualTo(303);

        String page = b.get("/cases/" + id).body();

        assertThat(page).contains(marked(PSYCH_WORDS)).doesNotContain("value=\"confirm\"");
    }

    @Test
    void the_case_lists_its_attached_notes_by_name_kind_time_and_size_never_their_text() throws IOException {
        String id = submit(psychOnlyInNotes()).path("id").asText();
        String text = "Pre-operative visit. " + NO_INFECTION;
        api.sendBytes("POST", "/v1/cases/" + id + "/notes", "Bearer " + clinic, "text/plain; charset=utf-8",
                text.getBytes(StandardCharsets.UTF_8));
        CLOCK.advance(java.time.Duration.ofMinutes(5));
        Client.Response attached = api.sendBytes("POST", "/v1/cases/" + id + "/notes", "Bearer " + clinic, "application/pdf",
                pdf(PSYCH));
        assertThat(attached.json().path("attachedNotes")).hasSize(2);

        Client.Response r = api.get("/v1/cases/" + id, nurse);

        assertThat(r.status()).isEqualTo(200);
        JsonNode notes = r.json().path("attachedNotes");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).path("note").asText()).isEqualTo("attachments[0]");
        assertThat(notes.get(0).path("mediaType").asText()).isEqualTo("text/plain");
        assertThat(notes.get(0).path("characters").asInt()).isEqualTo(text.length());
        assertThat(notes.get(1).path("note").asText()).isEqualTo("attachments[1]");
        assertThat(notes.get(1).path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(notes.get(1).path("characters").asInt()).isPositive();
        assertThat(Instant.parse(notes.get(1).path("attachedAt").asText()))
                .isAfter(Instant.parse(notes.get(0).path("attachedAt").asText()));
        assertThat(notes.toString()).doesNotContain("Pre-operative").doesNotContain("Cognitive ability");
    }

    @Test
    void in_the_workspace_a_note_is_attached_as_typed_text_or_a_pdf_and_its_proposals_appear() throws IOException {
        String id = submit(psychOnlyInNotes()).path("id").asText();
        Browserless b = new Browserless(server.port());
        assertThat(b.signIn(nurse).statusCode()).isEqualTo(303);
        String page = b.get("/cases/" + id).body();
        assertThat(page).contains("No note is attached to this case").contains("enctype=\"multipart/form-data\"");

        HttpResponse<String> typed = attach(b, id, Browserless.csrf(page), "Pre-operative visit. " + NO_INFECTION, null, null);
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(303);
        HttpResponse<String> file = attach(b, id, Browserless.csrf(b.get("/cases/" + id).body()), "", "evaluation.pdf", pdf(PSYCH));
        assertThat(file.statusCode()).as(file.body()).isEqualTo(303);

        String after = b.get("/cases/" + id).body();
        assertThat(after).contains("<code>attachments[0]</code></td><td>text/plain</td>")
                .contains("<code>attachments[1]</code></td><td>application/pdf</td>")
                .contains("Proposed by the clinical notes").contains("from <code>attachments[1]</code>")
                .contains(marked(PSYCH_WORDS));
        assertThat(trail(id)).filteredOn(e -> e.equals("note-attached")).hasSize(2);
    }

    @Test
    void in_the_workspace_a_submitter_may_attach_a_note_and_a_bad_one_is_named_without_its_contents() throws IOException {
        String id = submit(psychOnlyInNotes()).path("id").asText();
        Browserless b = new Browserless(server.port());
        assertThat(b.signIn(clinic).statusCode()).isEqualTo(303);
        String csrf = Browserless.csrf(b.get("/cases/" + id).body());

        HttpResponse<String> latin1 = attach(b, id, csrf, "", "note.txt", new byte[] {'J', 'o', 's', (byte) 0xe9, '!'});
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(latin1.body()).contains("note: ").contains("UTF-8").doesNotContain("Jos");
        HttpResponse<String> empty = attach(b, id, csrf, "  ", null, null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("note: ");
        HttpResponse<String> forged = attach(b, id, "not-the-token", NO_INFECTION, null, null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(trail(id)).doesNotContain("note-attached");

        HttpResponse<String> typed = attach(b, id, csrf, NO_INFECTION, null, null);
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(303);
        assertThat(trail(id)).filteredOn(e -> e.equals("note-attached")).hasSize(1);
    }

    private static final String BOUNDARY = "----pumpauth-notes-boundary";

    /** Posts the case page's note form as a browser does: multipart, the text area and (when given) a file. */
    private static HttpResponse<String> attach(Browserless b, String id, String csrf, String text, String fileName,
            byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, "form-data; name=\"csrf\"", null, csrf.getBytes(StandardCharsets.UTF_8));
        part(body, "form-data; name=\"text\"", null, text.getBytes(StandardCharsets.UTF_8));
        if (file != null) {
            String type = fileName.endsWith(".pdf") ? "application/pdf" : "text/plain";
            part(body, "form-data; name=\"file\"; filename=\"" + fileName + "\"", type, file);
        } else {
            part(body, "form-data; name=\"file\"; filename=\"\"", "application/octet-stream", new byte[0]);
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                        + "/cases/" + id + "/notes"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void part(ByteArrayOutputStream body, String disposition, String type, byte[] content) {
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A one-page PDF with each line of {@code text} on a line of its own. */
    private static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.setLeading(14);
                content.newLineAtOffset(40, 700);
                for (String line : text.split("\n")) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
