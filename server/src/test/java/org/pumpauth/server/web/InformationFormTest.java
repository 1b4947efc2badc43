package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's form is generated from the request contract, and what is filled in is the API's merge patch. */
class InformationFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final JsonNode REQUEST = json("{\"intraspinalTrials\": [{\"route\": \"intrathecal\"}]}");

    private static InformationForm.Input input(InformationForm form, String name) {
        return form.groups().stream().flatMap(g -> g.inputs().stream()).filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + name));
    }

    @Test
    void each_kind_of_contract_field_gets_its_input_and_a_list_gets_a_row_per_entry_and_one_new() {
        InformationForm form = InformationForm.of(List.of("psychEvaluation.date", "psychEvaluation.evaluator",
                "psychEvaluation.completed", "pain.score", "intraspinalTrials[].reliefPercent"), REQUEST);
        assertThat(input(form, "psychEvaluation.date").kind()).isEqualTo("date");
        assertThat(input(form, "psychEvaluation.evaluator").kind()).isEqualTo("select");
        assertThat(input(form, "psychEvaluation.evaluator").options()).contains("psychologist");
        assertThat(input(form, "psychEvaluation.completed").kind()).isEqualTo("yesno");
        assertThat(input(form, "pain.score")).extracting(InformationForm.Input::kind, InformationForm.Input::min,
                InformationForm.Input::max).containsExactly("number", "0", "10");
        assertThat(input(form, "intraspinalTrials[0].reliefPercent").kind()).isEqualTo("number");
        assertThat(input(form, "intraspinalTrials[1].reliefPercent").kind()).isEqualTo("number");
        assertThat(form.groups()).extracting(InformationForm.Group::title)
                .contains("intraspinalTrials, entry 1 of 1", "intraspinalTrials, a new entry");
    }

    @Test
    void the_patch_types_each_value_as_the_contract_says_and_sends_a_list_whole() {
        InformationForm form = InformationForm.of(List.of("psychEvaluation.date", "psychEvaluation.completed",
                "intraspinalTrials[].reliefPercent"), REQUEST);
        byte[] patch = form.patch(Map.of("psychEvaluation.date", List.of("2024-01-02"), "psychEvaluation.completed",
                List.of("yes"), "intraspinalTrials[0].reliefPercent", List.of("55"), "notAnInput", List.of("x")), REQUEST);
        assertThat(json(new String(patch, StandardCharsets.UTF_8))).isEqualTo(json("{\"psychEvaluation\": {\"date\":"
                + " \"2024-01-02\", \"completed\": true}, \"intraspinalTrials\": [{\"route\": \"intrathecal\","
                + " \"reliefPercent\": 55}]}"));
    }
}
