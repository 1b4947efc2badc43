package org.pumpauth.fhir.dtr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.pumpauth.cases.CaseReader;
import org.pumpauth.cases.PolicyCase;
import org.pumpauth.fhir.Fhir;
import org.pumpauth.fhir.FhirException;
import org.pumpauth.request.Field;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.Shape;

/** A QuestionnaireResponse converts to a review request and back without loss. */
class AnswersTest {
    static final Path ROOT = Path.of(System.getProperty("pumpauth.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_example_and_policy_case_round_trips_through_a_questionnaire_response() throws IOException {
        Map<String, String> requests = new TreeMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
                requests.put("examples/" + file.getFileName(), Files.readString(file));
            }
        }
        for (PolicyCase c : new CaseReader().read(files(ROOT.resolve("core/src/test/resources/cases")))) {
            requests.put("cases/" + c.name(), c.request());
        }
        assertThat(requests).hasSizeGreaterThan(700);
        List<String> lost = new ArrayList<>();
        RequestReader reader = new RequestReader();
        for (Map.Entry<String, String> entry : requests.entrySet()) {
            JsonNode original = contractOnly(RequestContract.REQUEST, JSON.readTree(entry.getValue()));
            // Through FHIR JSON, as an EHR sends it.
            String fhir = Fhir.json().encodeResourceToString(Answers.fromRequest(original));
            ObjectNode back = Answers.toRequest(Fhir.json().parseResource(QuestionnaireResponse.class, fhir));
            if (!back.equals((a, b) -> a.isNumber() && b.isNumber()
                    ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, original)) {
                lost.add(entry.getKey() + ":\n  sent " + original + "\n  back " + back);
            }
            reader.read(JSON.writeValueAsString(back));
        }
        assertThat(lost).as("requests that changed on the way through a QuestionnaireResponse").isEmpty();
    }

    @Test
    void an_empty_list_stays_a_statement_and_an_unstated_one_stays_unknown() throws IOException {
        JsonNode sent = JSON.readTree("{\"requestId\":\"r\",\"service\":{\"kind\":\"trial\"},\"intraspinalTrials\":[],"
                + "\"indication\":{\"conditions\":[]}}");
        QuestionnaireResponse response = Answers.fromRequest(sent);
        assertThat(response.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
                .containsExactly("requestId", "service.kind", "indication.conditions", "intraspinalTrials");
        assertThat(Answers.toRequest(response)).isEqualTo(sent);
    }

    @Test
    void an_answer_of_the_wrong_type_is_refused_naming_the_item_and_what_it_takes() {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.addItem().setLinkId("pain.score").addAnswer().setValue(new BooleanType(true));
        assertThatThrownBy(() -> Answers.toRequest(response)).isInstanceOf(FhirException.class)
                .hasMessage("item pain.score takes a number from 0 to 10 (valueDecimal or valueInteger)")
                .extracting(e -> ((FhirException) e).expression()).isEqualTo("QuestionnaireResponse.item[0].answer[0]");
    }

    /** The request without the fields the contract does not define (they are ignored, as the reader ignores them). */
    private static JsonNode contractOnly(Shape shape, JsonNode request) {
        ObjectNode kept = JSON.createObjectNode();
        for (Field field : shape.fields()) {
            JsonNode value = request;
            for (String part : field.path().split("\\.")) {
                value = value == null ? null : value.get(part);
            }
            if (value == null || value.isNull()) {
                continue;
            }
            ObjectNode parent = kept;
            String[] parts = field.path().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.with(parts[i]);
            }
            if (field.items().isPresent()) {
                var list = parent.putArray(parts[parts.length - 1]);
                for (Iterator<JsonNode> it = value.elements(); it.hasNext();) {
                    list.add(contractOnly(field.items().get(), it.next()));
                }
            } else {
                parent.set(parts[parts.length - 1], value);
            }
        }
        return kept;
    }

    static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
