package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.fhir.dtr.Answers;
import org.pumpauth.server.access.Role;

/** DTR over HTTP: the pathway's questionnaire, $questionnaire-package and the adaptive $next-question. */
class DtrOperationsTest {
    static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final String IMPLANT_PAIN = "nia-cg-310-2024-01-01-implant-chronic-pain";
    private static FhirServer fhir;
    private static String key;
    /** How many answers other test classes had kept when this one started: its own come after. */
    private static int before;

    @BeforeAll
    static void start() {
        before = org.pumpauth.fhir.Answers.all().size();
        fhir = new FhirServer(Clock.fixed(Instant.parse("2024-03-05T10:00:00Z"), ZoneOffset.UTC),
                Optional.of(ROOT.resolve("examples/payers.yaml")), Optional.of("nia-cg-310"));
        key = fhir.service.keys().create(Role.SUBMITTER, "ehr");
    }

    @AfterAll
    static void stop() {
        fhir.close();
    }

    static String resource(String path) {
        try {
            return Files.readString(Path.of("src/test/resources/davinci").resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static QuestionnaireItemComponent item(List<QuestionnaireItemComponent> items, String linkId) {
        for (QuestionnaireItemComponent item : items) {
            if (item.getLinkId().equals(linkId)) {
                return item;
            }
            QuestionnaireItemComponent inner = item.hasItem() ? find(item.getItem(), linkId) : null;
            if (inner != null) {
                return inner;
            }
        }
        throw new AssertionError("no item " + linkId);
    }

    private static QuestionnaireItemComponent find(List<QuestionnaireItemComponent> items, String linkId) {
        try {
            return item(items, linkId);
        } catch (AssertionError e) {
            return null;
        }
    }

    @Test
    void the_pathway_questionnaire_asks_each_field_its_criteria_read_typed_from_the_contract() {
        FhirServer.Response r = fhir.get("/fhir/Questionnaire/" + IMPLANT_PAIN, key);
        assertThat(r.status()).isEqualTo(200);
        Questionnaire q = r.resource(Questionnaire.class);
        assertThat(q.getUrl()).isEqualTo("https://pumpauth.org/fhir/Questionnaire/" + IMPLANT_PAIN);
        assertThat(item(q.getItem(), "pain.score").getType()).isEqualTo(QuestionnaireItemType.DECIMAL);
        assertThat(item(q.getItem(), "psychEvaluation.completed").getType()).isEqualTo(QuestionnaireItemType.BOOLEAN);
        QuestionnaireItemComponent category = item(q.getItem(), "indication.category");
        assertThat(category.getType()).isEqualTo(QuestionnaireItemType.CHOICE);
        assertThat(category.getAnswerOption()).extracting(o -> o.getValueCoding().getCode()).contains("chronic-noncancer-pain",
                "cancer-pain");
        QuestionnaireItemComponent trials = item(q.getItem(), "intraspinalTrials");
        assertThat(trials.getType()).isEqualTo(QuestionnaireItemType.GROUP);
        assertThat(trials.getRepeats()).isTrue();
        assertThat(trials.getItem()).extracting(QuestionnaireItemComponent::getLinkId).contains("intraspinalTrials[].reliefPercent");
        // The criterion's words are the help text of the item.
        assertThat(item(q.getItem(), "pain.score.help").getText()).containsIgnoringCase("pain");
        assertThat(item(q.getItem(), "service.kind").getRequired()).isTrue();
    }

    @Test
    void some_pathway_asks_a_field_only_in_the_branch_where_it_matters() {
        List<String> guarded = new ArrayList<>();
        for (String id : List.of("nia-cg-310-2024-01-01-implant-chronic-pain", "nia-cg-310-2024-01-01-trial-chronic-pain",
                "cohere-ma-itp-2024-06-10-implant-chronic-pain", "bsc-7.01.41-2019-05-01-implant-chronic-pain")) {
            FhirServer.Response r = fhir.get("/fhir/Questionnaire/" + id, key);
            if (r.status() == 200) {
                collectGuarded(r.resource(Questionnaire.class).getItem(), guarded);
            }
        }
        assertThat(guarded).isNotEmpty();
    }

    private static void collectGuarded(List<QuestionnaireItemComponent> items, List<String> guarded) {
        for (QuestionnaireItemComponent item : items) {
            if (item.hasEnableWhen()) {
                guarded.add(item.getLinkId() + " when " + item.getEnableWhenFirstRep().getQuestion());
            }
            collectGuarded(item.getItem(), guarded);
        }
    }

    @Test
    void an_unknown_questionnaire_is_a_404_outcome() {
        FhirServer.Response r = fhir.get("/fhir/Questionnaire/no-such", key);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.resource(OperationOutcome.class).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void the_shared_package_request_for_a_blood_gas_panel_says_the_policy_does_not_address_it() {
        FhirServer.Response r = fhir.post("/fhir/Questionnaire/$questionnaire-package", key,
                resource("dtr/questionnaire_package_input_params_conformant.json"));
        assertThat(r.status()).isEqualTo(200);
        Parameters out = r.resource(Parameters.class);
        assertThat(out.getParameter()).extracting(Parameters.ParametersParameterComponent::getName).containsExactly("Outcome");
        assertThat(((OperationOutcome) out.getParameterFirstRep().getResource()).getIssueFirstRep().getDiagnostics())
                .isEqualTo("The member's policy (nia-cg-310) does not address this ServiceRequest (no CPT or HCPCS code):"
                        + " pumpauth has no criteria and no questionnaire for it.");
    }

    @Test
    void a_package_for_a_programmable_pump_order_holds_the_pathway_questionnaires_and_a_prefilled_response() {
        Parameters in = Fhir.json().parseResource(Parameters.class, resource("dtr/questionnaire_package_input_params_conformant.json"));
        org.hl7.fhir.r4.model.ServiceRequest order = (org.hl7.fhir.r4.model.ServiceRequest) in.getParameter().get(1).getResource();
        order.setCode(new org.hl7.fhir.r4.model.CodeableConcept(new Coding("http://www.ama-assn.org/go/cpt", "62362", null)));
        order.getReasonCode().clear();
        order.addReasonCode().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "G89.4", null));
        order.setOccurrence(new org.hl7.fhir.r4.model.DateTimeType("2024-03-18"));
        FhirServer.Response r = fhir.post("/fhir/Questionnaire/$questionnaire-package", key, Fhir.json().encodeResourceToString(in));
        assertThat(r.status()).isEqualTo(200);
        List<String> questionnaires = new ArrayList<>();
        for (Parameters.ParametersParameterComponent p : r.resource(Parameters.class).getParameter()) {
            assertThat(p.getName()).isEqualTo("PackageBundle");
            Bundle bundle = (Bundle) p.getResource();
            Questionnaire q = (Questionnaire) bundle.getEntry().get(0).getResource();
            questionnaires.add(q.getIdElement().getIdPart());
            QuestionnaireResponse prefilled = (QuestionnaireResponse) bundle.getEntry().get(1).getResource();
            assertThat(Answers.toRequest(prefilled).path("service").path("codes").get(0).asText()).isEqualTo("62362");
        }
        // 62362 is "implantation or replacement": both are asked about, and nothing is guessed.
        assertThat(questionnaires).contains(IMPLANT_PAIN, "nia-cg-310-2024-01-01-replacement");
    }

    @Test
    void the_shared_prefilled_response_of_another_payer_is_asked_first_what_service_is_requested() {
        FhirServer.Response r = fhir.post("/fhir/Questionnaire/$next-question", key,
                resource("dtr/pre_populated_questionnaire_response.json"));
        assertThat(r.status()).isEqualTo(200);
        QuestionnaireResponse next = r.resource(QuestionnaireResponse.class);
        assertThat(next.getStatus()).isEqualTo(QuestionnaireResponseStatus.INPROGRESS);
        assertThat(next.getItem()).extracting(QuestionnaireResponseItemComponent::getLinkId).contains("service.kind",
                "indication.category");
    }

    @Test
    void next_question_asks_only_what_the_engine_still_needs_and_completes_when_the_outcome_is_decided() throws IOException {
        String example = Files.readString(ROOT.resolve("examples/nia-implant-chronic-pain.json"));
        com.fasterxml.jackson.databind.node.ObjectNode full = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(example);
        com.fasterxml.jackson.databind.node.ObjectNode partial = full.deepCopy();
        partial.remove("psychEvaluation");
        QuestionnaireResponse asked = fhir.post("/fhir/Questionnaire/$next-question", key,
                Fhir.json().encodeResourceToString(Answers.fromRequest(partial))).resource(QuestionnaireResponse.class);
        assertThat(asked.getStatus()).isEqualTo(QuestionnaireResponseStatus.INPROGRESS);
        List<String> added = asked.getItem().stream().filter(i -> !i.hasAnswer() && !i.hasItem())
                .map(QuestionnaireResponseItemComponent::getLinkId).toList();
        assertThat(added).isNotEmpty().allMatch(linkId -> linkId.startsWith("psychEvaluation."));
        assertThat(asked.getItem().stream().filter(i -> i.getLinkId().equals("psychEvaluation.completed")).findFirst()
                .orElseThrow().getText()).isEqualTo("Attach the completed psychological evaluation.");

        // The answers arrive: the outcome is decided and the response is complete.
        for (QuestionnaireResponseItemComponent item : asked.getItem()) {
            if (item.getLinkId().startsWith("psychEvaluation.") && !item.hasAnswer()) {
                com.fasterxml.jackson.databind.JsonNode value = full.path("psychEvaluation").path(item.getLinkId().substring(16));
                if (value.isBoolean()) {
                    item.addAnswer().setValue(new BooleanType(value.asBoolean()));
                }
            }
        }
        QuestionnaireResponse done = fhir.post("/fhir/Questionnaire/$next-question", key,
                Fhir.json().encodeResourceToString(asked)).resource(QuestionnaireResponse.class);
        assertThat(done.getStatus()).isEqualTo(QuestionnaireResponseStatus.COMPLETED);
    }

    @Test
    void next_question_asks_for_the_policy_its_questionnaire_was_made_from() throws IOException {
        // A complete request under bsc-7.01.41, its policy left out, as a form of this server would carry it.
        com.fasterxml.jackson.databind.node.ObjectNode request = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        Files.readString(ROOT.resolve("examples/bsc-implant-chronic-pain.json")));
        request.remove("policy");
        QuestionnaireResponse answers = Answers.fromRequest(request);

        // Without a questionnaire of this server's, the server's default policy (nia-cg-310) asks: it reads
        // facts BSC's policy does not, so the response is not complete.
        QuestionnaireResponse underDefault = fhir.post("/fhir/Questionnaire/$next-question", key,
                Fhir.json().encodeResourceToString(answers)).resource(QuestionnaireResponse.class);
        assertThat(underDefault.getStatus()).isEqualTo(QuestionnaireResponseStatus.INPROGRESS);

        // The same answers to BSC's implant questionnaire: BSC's policy asks, and has all it needs.
        answers.setQuestionnaire(org.pumpauth.fhir.dtr.Questions.BASE + "bsc-7.01.41-2019-05-01-implant-pain");
        assertThat(fhir.get("/fhir/Questionnaire/bsc-7.01.41-2019-05-01-implant-pain", key).status()).isEqualTo(200);
        QuestionnaireResponse underBsc = fhir.post("/fhir/Questionnaire/$next-question", key,
                Fhir.json().encodeResourceToString(answers)).resource(QuestionnaireResponse.class);
        assertThat(underBsc.getStatus()).isEqualTo(QuestionnaireResponseStatus.COMPLETED);
    }

    @Test
    void dtr_operations_need_a_key_and_a_fhir_body() {
        assertThat(fhir.post("/fhir/Questionnaire/$next-question", null, "{}").status()).isEqualTo(401);
        FhirServer.Response r = fhir.post("/fhir/Questionnaire/$next-question", key, "not json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .isEqualTo("the body is not a FHIR R4 resource in JSON");
    }

    @Test
    void every_dtr_answer_is_valid_r4() {
        fhir.get("/fhir/Questionnaire/" + IMPLANT_PAIN, key);
        fhir.post("/fhir/Questionnaire/$questionnaire-package", key, resource("dtr/questionnaire_package_input_params_conformant.json"));
        fhir.post("/fhir/Questionnaire/$next-question", key, resource("dtr/pre_populated_questionnaire_response.json"));
        fhir.get("/fhir/metadata", null);
        List<String> errors = new ArrayList<>();
        // This class's answers only: other classes' PAS answers carry the Da Vinci profiles of the requests
        // they copy, which R4Validation (unlike ResponsesValidTest) does not know.
        List<String> all = org.pumpauth.fhir.Answers.all();
        List<String> bodies = new ArrayList<>(all.subList(before, all.size()));
        for (org.pumpauth.policy.Policy policy : org.pumpauth.policy.PolicyRegistry.builtIn().policies()) {
            // The latest version's first two pathways (HAPI's validator takes seconds a questionnaire on a busy
            // machine); the questionnaires are made by one class, so these stand for the others.
            for (org.pumpauth.policy.Pathway pathway : policy.latest().pathways().subList(0, 2)) {
                bodies.add(Fhir.json().encodeResourceToString(org.pumpauth.fhir.dtr.Questions.of(policy.latest(), pathway)));
            }
        }
        for (String body : bodies) {
            R4Validation.errors(body).forEach(e -> errors.add(e + "\n  in " + body.substring(0, Math.min(200, body.length()))));
        }
        assertThat(errors).isEmpty();
    }
}
