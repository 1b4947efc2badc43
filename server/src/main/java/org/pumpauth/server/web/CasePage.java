package org.pumpauth.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import org.pumpauth.server.cases.AttachedNote;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;

/**
 * The case page's model: the case in words, its latest determination as a criteria tree with the
 * cited passages, the missing information, its history oldest first, its letters, which action forms
 * the signed-in role may use, the requests for information reviewers sent the provider (with their notes),
 * and {@code policyHref}, which opens the policy version the case was reviewed under.
 */
public record CasePage(
        Chrome chrome,
        QueuePage.Row summary,
        List<Field> request,
        Optional<String> outcome,
        Optional<String> pathway,
        Optional<Criterion> criteria,
        List<Missing> missing,
        List<Proposal> proposals,
        Optional<String> outcomeIfConfirmed,
        List<String> reasons,
        List<Event> history,
        List<LetterIndex.Letter> letters,
        InformationForm informationForm,
        Actions actions,
        List<String> errors,
        List<InformationRequests.Sent> informationRequests,
        String policyHref,
        List<AttachedNote> attachedNotes) {

    /** A request field in words: its path and value. */
    public record Field(String path, String value) {}

    /** A criterion of the tree: result, the policy's words, the facts read, the citation, the note, the passage. */
    public record Criterion(String id, String text, String result, List<Field> facts, String citation,
            Optional<String> interpretation, Optional<SourcePassages.Passage> passage, List<Criterion> children) {
        /** The result in words, so the tree does not rely on colour. */
        public String resultWords() {
            switch (result) {
                case "MET":
                    return "met";
                case "NOT_MET":
                    return "not met";
                default:
                    return "unknown";
            }
        }

        public String resultClass() {
            return result.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A fact a clinical note proposes for an unknown criterion (issue 14): the criterion in the
     * policy's words, the field and value, how the note asserts it, which note, and the note's text
     * around its evidence, the evidence marked.
     */
    public record Proposal(int index, String criterion, String criterionText, String field, String value,
            String assertion, String note, List<Segment> excerpt) {}

    /** A piece of a note's text: its words, and whether they are the evidence. */
    public record Segment(String text, boolean evidence) {}

    /** How much of a note is shown on each side of the evidence, in characters. */
    private static final int CONTEXT = 240;

    /**
     * The latest determination's proposals, each with its note's text around the evidence (the
     * request's {@code notes[i]}, or a note attached to the case).
     */
    static List<Proposal> proposals(JsonNode determination, JsonNode request, Map<String, String> attached) {
        List<Proposal> out = new ArrayList<>();
        Map<String, String> texts = new java.util.HashMap<>(attached);
        JsonNode notes = request.path("notes");
        for (int i = 0; i < notes.size(); i++) {
            texts.put("notes[" + i + "]", notes.get(i).path("text").asText(""));
        }
        for (JsonNode p : determination.path("proposedFacts")) {
            String criterion = p.path("criterion").asText();
            JsonNode node = find(determination.path("criteria"), criterion);
            out.add(new Proposal(out.size(), criterion, node == null ? criterion : node.path("text").asText(criterion),
                    p.path("field").asText(), value(p.path("value")), p.path("assertion").asText(), p.path("note").asText(),
                    excerpt(texts.getOrDefault(p.path("note").asText(), ""), p.path("evidence"))));
        }
        return out;
    }

    /** The note's text from a little before its first evidence span to a little after its last, the spans marked. */
    static List<Segment> excerpt(String note, JsonNode evidence) {
        List<Segment> out = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (JsonNode span : evidence) {
            int start = span.path("start").asInt(-1);
            int end = span.path("end").asInt(-1);
            if (start < 0 || end > note.length() || start > end || start < to) {
                continue; // not a span of this note as it stands: shown as the evidence's own text below
            }
            if (from < 0) {
                from = Math.max(0, start - CONTEXT);
                if (from > 0) {
                    out.add(new Segment("… ", false));
                }
                to = from;
            }
            out.add(new Segment(note.substring(to, start), false));
            out.add(new Segment(note.substring(start, end), true));
            to = end;
        }
        if (from < 0) {
            evidence.forEach(span -> out.add(new Segment(span.path("text").asText(), true)));
            return out;
        }
        int last = Math.min(note.length(), to + CONTEXT);
        out.add(new Segment(note.substring(to, last) + (last < note.length() ? " …" : ""), false));
        return out;
    }

    private static JsonNode find(JsonNode node, String id) {
        if (node.path("id").asText().equals(id)) {
            return node;
        }
        for (JsonNode child : node.path("children")) {
            JsonNode found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A field that would decide the case, and the plain-language request for it. */
    public record Missing(String field, String request) {}

    /** One entry of the case's history: when, what, by whom, and details in words. */
    public record Event(Instant at, String when, String what, String by, String detail) {}

    /** The action forms the signed-in key may use on this case now; a form not allowed is not shown. */
    public record Actions(boolean approve, boolean deny, boolean extend, boolean appeal, boolean peerToPeer,
            boolean information, boolean proposals, List<Criterion> denialCriteria, boolean requestInformation,
            boolean attachNote) {
        public boolean any() {
            return approve || deny || extend || appeal || peerToPeer || information || requestInformation;
        }
    }

    static Actions actions(Caller caller, ReviewCase c, Optional<Criterion> tree, InformationForm form) {
        boolean open = !c.status().isFinal();
        boolean reconsidering = c.status() == CaseStatus.RECONSIDERATION;
        boolean deniedByCaller = c.appeal().map(a -> a.denial().by().equals(caller.name())).orElse(false);
        List<Criterion> denial = new ArrayList<>();
        tree.ifPresent(t -> collect(t, denial));
        boolean mayDecide = open && !(reconsidering && deniedByCaller);
        return new Actions(
                mayDecide && caller.role().mayApprove(),
                mayDecide && caller.role().mayDeny(),
                open && !reconsidering && c.extension().isEmpty() && caller.role().mayExtend(),
                c.status() == CaseStatus.DENIED && c.appeal().isEmpty() && caller.role().mayAppeal(),
                caller.role().mayRecordPeerToPeer(),
                // The provider's form: the API lets any key add information, the workspace offers it to the submitter.
                open && caller.role() == org.pumpauth.server.access.Role.SUBMITTER && !form.isEmpty(),
                // A note's proposal is confirmed or rejected by a reviewer: the same keys that may approve.
                open && caller.role().mayApprove(),
                denial,
                open && caller.role().mayRequestInformation(),
                // The API lets any key that sees an open case attach a note; so does the page.
                open);
    }

    /** The criteria a denial may rest on: those not met or not shown, leaves first in the order of the tree. */
    private static void collect(Criterion c, List<Criterion> into) {
        if (c.children().isEmpty() && !c.result().equals("MET")) {
            into.add(c);
        }
        c.children().forEach(child -> collect(child, into));
    }

    static Criterion criterion(JsonNode node, SourcePassages sources) {
        List<Field> facts = new ArrayList<>();
        node.path("facts").forEach(f -> facts.add(new Field(f.path("field").asText(),
                f.path("value").isNull() ? "unknown (not stated)" : value(f.path("value")))));
        List<Criterion> children = new ArrayList<>();
        node.path("children").forEach(child -> children.add(criterion(child, sources)));
        String citation = node.path("citation").asText("");
        return new Criterion(node.path("id").asText(), node.path("text").asText(), node.path("result").asText(), facts,
                citation, QueuePage.nonEmpty(node.path("interpretation").asText(null)),
                citation.isEmpty() ? Optional.empty() : sources.find(citation), children);
    }

    /** The request's fields as path and value, in the order the request states them. */
    static List<Field> fields(JsonNode request) {
        List<Field> out = new ArrayList<>();
        flatten("", request, out);
        return out;
    }

    private static void flatten(String path, JsonNode node, List<Field> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + (i + 1) + "]", node.get(i), out);
            }
        } else {
            out.add(new Field(path, value(node)));
        }
    }

    static String value(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue() ? "yes" : "no";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(value(n)));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
