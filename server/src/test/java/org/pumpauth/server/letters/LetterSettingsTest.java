package org.pumpauth.server.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The letters' settings file: the shipped example is the built-in default; each mistake is named. */
class LetterSettingsTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "letters.yaml");

    private static String example() throws IOException {
        return Files.readString(EXAMPLE);
    }

    @Test
    void the_built_in_settings_are_the_shipped_example() throws IOException {
        try (InputStream in = LetterSettings.class.getResourceAsStream("letters.yaml")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(example());
        }
        assertThat(LetterSettings.read(EXAMPLE)).isEqualTo(LetterSettings.builtIn());
    }

    @Test
    void the_medicare_advantage_policies_take_its_appeal_rights_and_any_other_policy_the_default_line() {
        LetterSettings settings = LetterSettings.builtIn();

        assertThat(settings.lineOf("cohere-ma-itp@2024-06-10").orElseThrow().id()).isEqualTo("medicare-advantage");
        assertThat(settings.lineOf("cms-ncd-280.14").orElseThrow().id()).isEqualTo("medicare-advantage");
        assertThat(settings.lineOf("nia-cg-310").orElseThrow().id()).isEqualTo("commercial");
        assertThat(settings.lineOf("a-new-policy").orElseThrow().id()).isEqualTo("commercial");
        assertThat(settings.fill("call {plan.memberServices} (TTY {plan.tty})")).isEqualTo("call 1-800-555-0100 (TTY 711)");
    }

    @Test
    void a_missing_telephone_number_is_named_by_its_field() throws IOException {
        String yaml = example().replace("  memberServices: 1-800-555-0100\n", "");

        assertThatThrownBy(() -> LetterSettings.parse(yaml, "plan.yaml"))
                .hasMessage("plan.yaml: plan.memberServices: is required: a non-empty text");
    }

    @Test
    void an_unknown_placeholder_is_named_with_the_ones_allowed() throws IOException {
        String yaml = example().replace("(TTY {plan.tty}), send", "(TTY {plan.ty}), send");

        assertThatThrownBy(() -> LetterSettings.parse(yaml, "plan.yaml")).hasMessageContaining(
                "linesOfBusiness medicare-advantage: appealRights: {plan.ty} is not a placeholder; allowed: {plan.name},"
                        + " {plan.address}, {plan.memberServices}, {plan.tty}, {plan.fax}, {plan.website}");
    }

    @Test
    void two_default_lines_of_business_are_refused() throws IOException {
        String yaml = example().replace("    name: Medicare Advantage\n", "    name: Medicare Advantage\n    default: true\n");

        assertThatThrownBy(() -> LetterSettings.parse(yaml, "plan.yaml"))
                .hasMessage("plan.yaml: linesOfBusiness: at most one line may be the default");
    }

    @Test
    void text_that_is_not_yaml_is_refused_with_its_line() {
        assertThatThrownBy(() -> LetterSettings.parse("plan: [\n", "plan.yaml")).hasMessageStartingWith("plan.yaml: not valid YAML");
    }
}
