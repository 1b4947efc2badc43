package org.pumpauth.server.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What every letter must be, asserted for the tests of other packages. */
public final class LettersTesting {
    /** The grade level no member-facing text of a letter may exceed. */
    public static final double MAX_GRADE = 8.0;

    private LettersTesting() {}

    /**
     * The letter is well-formed XHTML; its member-facing sentences are at or below grade 8; every
     * criterion id it carries is one of the determination's criteria, and every reason of the
     * determination that names a criterion has its sentence in the letter (for the kinds that give reasons).
     */
    public static void assertPlainAndTraced(String what, String html, JsonNode determination) {
        LetterText letter = LetterText.of(html);
        List<String> member = letter.memberParagraphs();
        assertThat(member).as(what + ": member-facing sentences").isNotEmpty();
        double grade = Readability.grade(member);
        assertThat(grade).as(what + ": Flesch-Kincaid grade of " + member).isLessThanOrEqualTo(MAX_GRADE);
        List<String> ids = new ArrayList<>();
        collectIds(determination.path("criteria"), ids);
        if (determination.hasNonNull("pathway")) {
            ids.add(determination.get("pathway").asText());
        }
        assertThat(letter.criterionIds()).as(what + ": criterion ids").isSubsetOf(ids);
        String kind = letter.elements("meta").stream().filter(m -> m.getAttribute("name").equals("pumpauth-letter"))
                .findFirst().orElseThrow().getAttribute("content");
        if (List.of("denial", "information-request").contains(kind)) {
            for (DeterminationReading.Reason reason : DeterminationReading.reasons(determination)) {
                assertThat(letter.criterionIds()).as(what + ": the reason naming " + reason.criterion()).contains(reason.criterion());
            }
        }
        assertThat(letter.withClass("clinical")).as(what + ": the provider's section").hasSize(1);
    }

    /** The policy's words a reason quotes: the text of the criterion it names. */
    public static String quotedText(String reason, JsonNode determination) {
        String id = DeterminationReading.Reason.of(reason, "").criterion();
        return DeterminationReading.find(determination.path("criteria"), id).orElseThrow().path("text").asText();
    }

    /** The denial's PDF holds the words of each criterion not met and the appeal rights of its line of business. */
    public static void assertPdfStatesReasonsAndRights(String what, byte[] pdf, JsonNode determination, String policy) {
        String text = LetterText.normalized(LetterText.pdfText(pdf));
        for (DeterminationReading.Reason reason : DeterminationReading.reasons(determination)) {
            String quoted = DeterminationReading.find(determination.path("criteria"), reason.criterion()).orElseThrow().path("text").asText();
            assertThat(text).as(what + ": the PDF quotes " + reason.criterion()).contains(LetterText.normalized(quoted));
        }
        boolean medicareAdvantage = List.of("cohere-ma-itp", "cms-ncd-280.14").contains(policy);
        assertThat(text).as(what + ": appeal rights").contains(medicareAdvantage ? "within 65 days" : "external review");
    }

    private static void collectIds(JsonNode node, List<String> ids) {
        if (node.hasNonNull("id")) {
            ids.add(node.get("id").asText());
        }
        node.path("children").forEach(child -> collectIds(child, ids));
    }
}
