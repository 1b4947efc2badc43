package org.pumpauth.server.letters;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pumpauth.codes.Code;
import org.pumpauth.codes.CodeCatalog;

/**
 * Writes a letter as XHTML, its canonical content: the member's part in plain words (paragraphs of
 * class {@code member}, measured at or below grade 8), the policy's own words quoted (class
 * {@code quote}) with their citation and the plain meaning of their terms beside them, and a clinical
 * section for the requesting provider (class {@code clinical}). Every sentence that states a reason
 * carries the criterion's id ({@code data-criterion}); a letter says nothing the determination does not.
 */
public final class LetterHtml {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final int FACTS_SHOWN = 8;
    private static final String STYLE = "@page { size: letter; margin: 2cm; }"
            + " * { font-family: 'DejaVu Sans'; } body { font-size: 10.5pt; line-height: 1.4; color: #111; }"
            + " ul { list-style-type: none; padding-left: 1em; } li:before { content: '\\2022  '; }"
            + " h1 { font-size: 16pt; margin: 0.6em 0 0.4em 0; } h2 { font-size: 12pt; margin: 1.2em 0 0.3em 0; }"
            + " .plan { font-size: 9.5pt; } .meta { font-size: 9.5pt; margin: 0.1em 0; }"
            + " blockquote { margin: 0.4em 0 0.4em 1.2em; padding-left: 0.6em; border-left: 2px solid #888; }"
            + " .cite, .terms { font-size: 9pt; color: #333; } .reason { margin-bottom: 0.8em; }"
            + " .clinical { margin-top: 1.5em; border-top: 1px solid #888; font-size: 9.5pt; }"
            + " table { border-collapse: collapse; } td, th { border: 1px solid #aaa; padding: 2px 4px; vertical-align: top;"
            + " font-size: 9pt; text-align: left; }";

    private final LetterSettings settings;
    private final CodeCatalog codes;
    private final PlainWords words;

    public LetterHtml(LetterSettings settings, CodeCatalog codes) {
        this.settings = settings;
        this.codes = codes;
        this.words = PlainWords.builtIn();
    }

    public LetterSettings settings() {
        return settings;
    }

    /** The letter's XHTML. */
    public String render(LetterInput in) {
        Html h = new Html();
        String title = in.kind().title();
        String planName = settings.plan().name();
        h.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .raw("<meta charset=\"UTF-8\"/>")
                .element("title", title + " - " + planName)
                .raw("<meta name=\"author\" content=\"").text(planName).raw("\"/>")
                .raw("<meta name=\"subject\" content=\"").text(title + ", case " + in.caseId()).raw("\"/>")
                .raw("<meta name=\"pumpauth-letter\" content=\"").text(in.kind().code()).raw("\"/>")
                .element("style", STYLE)
                .raw("</head><body>");
        header(h, in);
        h.element("h1", title);
        switch (in.kind()) {
            case APPROVAL -> approval(h, in);
            case DENIAL -> denial(h, in);
            case INFORMATION_REQUEST -> informationRequest(h, in);
            case EXTENSION -> extension(h, in);
            case RECONSIDERATION -> reconsideration(h, in);
            default -> throw new IllegalArgumentException("no letter of kind " + in.kind());
        }
        codesSection(h, in);
        h.element("h2", "Questions?");
        member(h, "Call us at " + settings.plan().memberServices() + ". If you use a TTY, call " + settings.plan().tty()
                + ". You can also visit " + settings.plan().website() + ".");
        member(h, "You can get this letter in other languages or formats, such as large print, for free.");
        clinical(h, in);
        h.raw("</body></html>\n");
        return h.toString();
    }

    private void header(Html h, LetterInput in) {
        h.open("div", "class", "plan").element("p", settings.plan().name(), "class", "meta");
        for (String line : settings.plan().address()) {
            h.element("p", line, "class", "meta");
        }
        h.element("p", "Phone " + settings.plan().memberServices() + " (TTY " + settings.plan().tty() + "), fax "
                + settings.plan().fax(), "class", "meta").close("div");
        h.open("div", "class", "case")
                .element("p", "Date: " + DAY.format(in.createdAt()), "class", "meta")
                .element("p", "Member ID: " + in.request().path("member").path("id").asText("not stated"), "class", "meta")
                .element("p", "Request: " + in.requestId() + " (case " + in.caseId() + ")", "class", "meta")
                .element("p", "Letter: " + in.letterId(), "class", "meta")
                .element("p", "Plan rules used: " + policyTitle(in) + " (" + policyRef(in) + ")", "class", "meta")
                .close("div");
    }

    private void approval(Html h, LetterInput in) {
        h.element("h2", "What we decided");
        member(h, "Good news. We approved the service your doctor asked for: " + service(in) + ".");
        serviceDate(h, in);
        Optional<LetterInput.Decider> decider = in.decider();
        if (decider.isEmpty() || decider.get().isSystem()) {
            String root = in.determination().path("criteria").path("id").asText(in.determination().path("pathway").asText(""));
            memberReason(h, "Your records show that every rule of your plan for this service is met. Our review system"
                    + " checked the records against the rules and approved the request.", root);
        } else {
            member(h, decider.get().name() + ", a " + decider.get().role() + " reviewer for " + settings.plan().name()
                    + ", approved this request.");
        }
        member(h, "Please keep this letter. Your doctor got a copy too.");
    }

    private void denial(Html h, LetterInput in) {
        h.element("h2", "What we decided");
        member(h, "We will not pay for the service your doctor asked for: " + service(in) + ".");
        serviceDate(h, in);
        decidedBy(h, in.decider());
        why(h, in, "Why we decided this");
        whatWouldChange(h, in);
        appealRights(h, in, false);
    }

    private void informationRequest(Html h, LetterInput in) {
        h.element("h2", "What we need");
        member(h, "We need more facts before we can decide on the service your doctor asked for: " + service(in) + ".");
        member(h, "We have asked your doctor to send them. We must make our decision by " + DAY_TIME.format(in.dueAt())
                + ". We will decide by then with the records we have.");
        missingItems(h, in);
        in.informationRequest().flatMap(LetterInput.InformationRequest::note).ifPresent(note -> {
            member(h, "Our reviewer wrote this note for your doctor:");
            h.element("blockquote", note, "class", "note");
        });
        why(h, in, "The rules these facts are for");
    }

    private void extension(Html h, LetterInput in) {
        LetterInput.Extension x = in.extension().orElseThrow(() -> new IllegalArgumentException("an extension letter needs its extension"));
        h.element("h2", "What is happening");
        member(h, "We need more time to decide on the service your doctor asked for: " + service(in) + ".");
        member(h, "We will now decide by " + DAY_TIME.format(x.newDueAt()) + ". Before, we were to decide by "
                + DAY_TIME.format(x.previousDueAt()) + ".");
        member(h, "Here is why we need more time, in the words of our reviewer:");
        h.element("blockquote", x.reason(), "class", "note");
        member(h, "If you do not agree that we should take more time, you can make a complaint. Call us at "
                + settings.plan().memberServices() + " (TTY " + settings.plan().tty() + "). We will answer a fast"
                + " complaint within 24 hours.");
    }

    private void reconsideration(Html h, LetterInput in) {
        LetterInput.Reconsideration r = in.reconsideration()
                .orElseThrow(() -> new IllegalArgumentException("a reconsideration letter needs its outcome"));
        h.element("h2", "What we decided");
        if (r.approved()) {
            member(h, "We looked at your case again, as you asked. We changed our decision. We approved the service your"
                    + " doctor asked for: " + service(in) + ".");
            serviceDate(h, in);
            decidedBy(h, Optional.of(r.physician()));
            member(h, "Please keep this letter. Your doctor got a copy too.");
            return;
        }
        member(h, "We looked at your case again, as you asked. We did not change our decision. We will not pay for the"
                + " service your doctor asked for: " + service(in) + ".");
        decidedBy(h, Optional.of(r.physician()));
        why(h, in, "Why we decided this");
        whatWouldChange(h, in);
        appealRights(h, in, true);
    }

    private void serviceDate(Html h, LetterInput in) {
        String date = in.determination().path("serviceDate").asText("");
        if (!date.isEmpty()) {
            member(h, "The planned date of the service is " + DAY.format(java.time.LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC))
                    + ".");
        }
    }

    private void decidedBy(Html h, Optional<LetterInput.Decider> decider) {
        decider.filter(d -> !d.isSystem()).ifPresent(d -> member(h, "The doctor who made this decision is " + d.name()
                + ", a " + d.role() + " reviewer for " + settings.plan().name() + "."));
    }

    /** One part per reason of the determination: the plain sentence, the policy's words quoted, what the records showed. */
    private void why(Html h, LetterInput in, String heading) {
        List<DeterminationReading.Reason> reasons = DeterminationReading.reasons(in.determination());
        if (reasons.isEmpty()) {
            return;
        }
        h.element("h2", heading);
        for (DeterminationReading.Reason reason : reasons) {
            h.open("div", "class", "reason", "data-criterion", reason.criterion());
            memberReason(h, reason.plain(), reason.criterion());
            Optional<JsonNode> node = DeterminationReading.find(in.determination().path("criteria"), reason.criterion());
            String quoted = node.map(n -> n.path("text").asText("")).orElse("");
            if (!quoted.isEmpty()) {
                h.open("blockquote", "class", "quote", "data-criterion", reason.criterion())
                        .element("p", "\u201c" + quoted + "\u201d")
                        .element("p", "From: " + citation(in, node.get()), "class", "cite")
                        .close("blockquote");
                terms(h, List.of(quoted));
            }
            Map<String, JsonNode> facts = node.map(DeterminationReading::facts).orElse(Map.of());
            if (!facts.isEmpty()) {
                memberReason(h, "What your records said about this rule:", reason.criterion());
                h.open("ul", "class", "facts", "data-criterion", reason.criterion());
                List<String> shown = new ArrayList<>();
                int n = 0;
                for (Map.Entry<String, JsonNode> fact : facts.entrySet()) {
                    if (n++ == FACTS_SHOWN) {
                        break;
                    }
                    String line = PlainWords.label(fact.getKey()) + ": " + PlainWords.value(fact.getValue());
                    shown.add(line);
                    h.element("li", line);
                }
                h.close("ul");
                terms(h, shown);
            }
            h.close("div");
        }
    }

    private void whatWouldChange(Html h, LetterInput in) {
        List<DeterminationReading.Reason> reasons = DeterminationReading.reasons(in.determination());
        h.element("h2", "What could change this decision");
        String ids = reasons.isEmpty() ? DeterminationReading.rootId(in.determination())
                : String.join(" ", reasons.stream().map(DeterminationReading.Reason::criterion).distinct().toList());
        memberReason(h, "We could decide again if your doctor sends records that show the rules above are met.", ids);
        missingItems(h, in);
    }

    private void missingItems(Html h, LetterInput in) {
        JsonNode missing = in.determination().path("missingInformation");
        if (!missing.isArray() || missing.isEmpty()) {
            return;
        }
        member(h, "These are the facts we still need, in the words of our review:");
        h.open("ul", "class", "missing");
        List<String> texts = new ArrayList<>();
        for (JsonNode item : missing) {
            String text = item.path("request").asText("");
            texts.add(text);
            h.element("li", text, "class", "quote", "data-field", item.path("field").asText(""));
        }
        h.close("ul");
        terms(h, texts);
    }

    private void appealRights(Html h, LetterInput in, boolean afterReconsideration) {
        Optional<LetterSettings.LineOfBusiness> line = settings.lineOf(in.policy());
        if (line.isEmpty()) {
            return;
        }
        h.element("h2", afterReconsideration ? "What happens next" : "Your right to appeal");
        List<String> sentences = afterReconsideration && !line.get().afterReconsideration().isEmpty()
                ? line.get().afterReconsideration() : line.get().appealRights();
        for (String sentence : sentences) {
            member(h, settings.fill(sentence));
        }
    }

    private void codesSection(Html h, LetterInput in) {
        JsonNode serviceCodes = in.request().path("service").path("codes");
        if (!serviceCodes.isArray() || serviceCodes.isEmpty()) {
            return;
        }
        h.element("h2", "The codes on this request");
        member(h, "Doctors use codes to name a service. Here is what each code on this request means:");
        h.open("table", "class", "codes").raw("<thead><tr><th>Code</th><th>What it means</th></tr></thead><tbody>");
        List<String> descriptions = new ArrayList<>();
        for (JsonNode c : serviceCodes) {
            String code = c.asText();
            Optional<Code> known = codes.find(code);
            String meaning = known.map(k -> k.system() + " code: " + k.description())
                    .orElse("A code your doctor's office used. It is not one of the codes your plan's rules list.");
            descriptions.add(meaning);
            h.raw("<tr>").element("td", code).element("td", meaning).raw("</tr>");
        }
        h.raw("</tbody></table>");
        terms(h, descriptions);
    }

    /** The section for the requesting provider: the determination in its own (clinical) words. */
    private void clinical(Html h, LetterInput in) {
        JsonNode d = in.determination();
        h.open("div", "class", "clinical").element("h2", "For the requesting provider");
        h.element("p", "Policy " + policyRef(in) + ", pathway " + d.path("pathway").asText("none") + ", outcome "
                + d.path("outcome").asText("") + ", decision due " + DAY_TIME.format(in.dueAt()) + ".");
        JsonNode reasons = d.path("reasons");
        if (reasons.isArray() && !reasons.isEmpty()) {
            h.element("p", "The determination's reasons:");
            h.open("ul");
            for (JsonNode r : reasons) {
                DeterminationReading.Reason reason = DeterminationReading.Reason.of(r.asText(), DeterminationReading.rootId(d));
                h.element("li", r.asText(), "data-criterion", reason.criterion());
            }
            h.close("ul");
        }
        JsonNode missing = d.path("missingInformation");
        if (missing.isArray() && !missing.isEmpty()) {
            h.element("p", "Information requested:");
            h.open("ul");
            for (JsonNode m : missing) {
                h.element("li", m.path("field").asText("") + ": " + m.path("request").asText(""));
            }
            h.close("ul");
        }
        Optional<LetterInput.Decider> decider = in.reconsideration().map(LetterInput.Reconsideration::physician).or(in::decider);
        decider.ifPresent(x -> h.element("p", "Reviewer's note (" + x.name() + ", " + x.role() + "): " + x.rationale(),
                "class", "rationale"));
        in.informationRequest().ifPresent(r -> h.element("p", "Information requested by " + r.by() + " (" + r.role() + ")"
                + r.note().map(note -> ": " + note).orElse("."), "class", "rationale"));
        in.extension().ifPresent(x -> h.element("p", "Extension: due " + DAY_TIME.format(x.previousDueAt()) + " moved to "
                + DAY_TIME.format(x.newDueAt()) + ". Reason: " + x.reason(), "class", "rationale"));
        h.close("div");
    }

    private void terms(Html h, List<String> texts) {
        Map<String, String> found = words.termsIn(texts);
        if (found.isEmpty()) {
            return;
        }
        h.open("p", "class", "terms").text("What these words mean: ");
        int i = 0;
        for (Map.Entry<String, String> t : found.entrySet()) {
            h.text(i++ == 0 ? "" : "; ").element("b", t.getKey()).text(": " + t.getValue());
        }
        h.text(".").close("p");
    }

    private static void member(Html h, String sentence) {
        h.element("p", sentence, "class", "member");
    }

    private static void memberReason(Html h, String sentence, String criterion) {
        h.element("p", sentence, "class", "member", "data-criterion", criterion);
    }

    private static String service(LetterInput in) {
        return PlainWords.service(in.request().path("service").path("kind").asText(""));
    }

    private static String policyRef(LetterInput in) {
        JsonNode p = in.determination().path("policy");
        return p.path("id").asText(in.policy()) + (p.hasNonNull("version") ? "@" + p.path("version").asText() : "");
    }

    private static String policyTitle(LetterInput in) {
        return in.determination().path("policy").path("title").asText(in.policy());
    }

    /** A citation for a reader: the policy's title and the section (the seed file stays in the clinical section). */
    private static String citation(LetterInput in, JsonNode node) {
        String citation = node.path("citation").asText("");
        int section = citation.indexOf(" \u00a7 ");
        String heading = section >= 0 ? citation.substring(section + 3) : citation;
        return policyTitle(in) + (heading.isEmpty() ? "" : ", section \u201c" + heading + "\u201d")
                + (policyRef(in).contains("@") ? " (version of " + policyRef(in).substring(policyRef(in).indexOf('@') + 1) + ")" : "");
    }
}
