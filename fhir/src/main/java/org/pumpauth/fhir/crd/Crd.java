package org.pumpauth.fhir.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.fhir.Fhir;
import org.pumpauth.fhir.FhirException;
import org.pumpauth.fhir.dtr.Dtr;
import org.pumpauth.fhir.dtr.Orders;

/**
 * CRD as a CDS Hooks 2.0 service: discovery, and for each hook the draft orders' coverage information
 * (a {@code coverage-information} extension on each order, as a system action) and a card a clinician
 * reads. Only what the policy says is asserted: an order it does not list is said to be unaddressed
 * ({@code conditional}); {@code not-covered} only where the policy finds the service investigational.
 */
public final class Crd {
    static final List<String> HOOKS = List.of("order-sign", "order-select", "order-dispatch", "appointment-book", "encounter-start");
    // Read as HAPI reads, so the hook's resources go to HAPI as the tree already read (Fhir.parse).
    private static final ObjectMapper JSON = Fhir.TREE;
    private final Dtr dtr;
    private final boolean hapiAlone;

    public Crd(Dtr dtr) {
        this(dtr, false);
    }

    /** {@code hapiAlone}: each order's coverage information written by HAPI alone (the tests' reference). */
    Crd(Dtr dtr, boolean hapiAlone) {
        this.dtr = dtr;
        this.hapiAlone = hapiAlone;
    }

    /** A request the hook service refuses: status and message (no request value in it). */
    public static final class HookException extends org.pumpauth.PumpauthException {
        private static final long serialVersionUID = 1L;
        private final int status;

        HookException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** {@code GET /cds-services}. */
    public ObjectNode discovery() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode services = root.putArray("services");
        for (String hook : HOOKS) {
            ObjectNode service = services.addObject();
            service.put("hook", hook).put("id", hook).put("title", "pumpauth coverage requirements (" + hook + ")")
                    .put("description", "Whether an implantable infusion pump order needs prior authorization under the"
                            + " member's policy, what documentation it needs (a DTR questionnaire), and why.");
            ObjectNode prefetch = service.putObject("prefetch");
            prefetch.put("patient", "Patient/{{context.patientId}}");
            prefetch.put("coverage", "Coverage?patient={{context.patientId}}&status=active");
        }
        return root;
    }

    /** {@code POST /cds-services/{id}}: cards and system actions for the hook's orders. */
    public ObjectNode call(String id, byte[] body) {
        if (!HOOKS.contains(id)) {
            throw new HookException(404, "no CDS service " + id.replaceAll("[^a-z-]", "") + " here; GET /cds-services lists them");
        }
        JsonNode hook;
        try {
            hook = JSON.readTree(body);
        } catch (IOException e) {
            throw new HookException(400, "the body must be a CDS Hooks request in JSON");
        }
        if (hook == null || !hook.isObject() || !hook.path("hookInstance").isTextual() || !hook.path("context").isObject()) {
            throw new HookException(400, "the body must be a CDS Hooks request: hook, hookInstance and context are required");
        }
        if (hook.hasNonNull("hook") && !hook.path("hook").asText().equals(id)) {
            throw new HookException(400, "hook must be " + id + " for this service");
        }
        Prefetch prefetch = new Prefetch(hook, dtr.payers()::mayFetch);
        List<Resource> orders = orders(id, hook, prefetch);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode cards = answer.putArray("cards");
        ArrayNode actions = answer.putArray("systemActions");
        if (orders.isEmpty()) {
            return answer; // encounter-start without orders, say: nothing to say
        }
        Optional<Patient> patient = prefetch.patient();
        Optional<Coverage> coverage = prefetch.coverage();
        String instance = hook.path("hookInstance").asText();
        List<String> readable = new ArrayList<>();
        for (Resource resource : orders) {
            Optional<Orders.Order> order = Orders.of(resource);
            if (order.isEmpty()) {
                continue; // a NutritionOrder, say: not an order pumpauth reviews
            }
            readable.add(resource.fhirType());
            if (coverage.isEmpty()) {
                continue;
            }
            String policy;
            try {
                policy = dtr.policyFor(coverage.get());
            } catch (FhirException e) {
                cards.add(card(instance, order.get(), "Coverage rules unknown for this payer", "warning",
                        "pumpauth has no policy for the member's payer and plan, so it cannot say whether this order needs"
                                + " prior authorization.", List.of()));
                continue;
            }
            Optional<InfoNeeded> infoNeeded = InfoNeeded.of(order.get(), coverage.get(), policy, dtr);
            Decision decision = infoNeeded.filter(InfoNeeded::decidesNothing).map(InfoNeeded::decision)
                    .orElseGet(() -> decide(policy, order.get(), patient, instance));
            ObjectNode action = action(order.get(), decision, infoNeeded, coverage.get(), instance, dtr.today().toString());
            actions.add(action);
            cards.add(card(instance, order.get(), decision.summary(), decision.indicator(), decision.detail()
                    + infoNeeded.filter(i -> !i.decidesNothing()).map(i -> "\n\n" + i.sentence()).orElse(""), prefetch.unseen()));
        }
        if (!readable.isEmpty() && coverage.isEmpty()) {
            cards.add(card(instance, null, "Coverage requirements not checked: no coverage seen", "info",
                    "pumpauth reviews implantable infusion pump orders against the member's policy, and needs the member's"
                            + " Coverage to know the policy.", prefetch.unseen()));
        }
        return answer;
    }

    private List<Resource> orders(String hookName, JsonNode hook, Prefetch prefetch) {
        List<Resource> orders = new ArrayList<>();
        JsonNode context = hook.path("context");
        for (String key : List.of("draftOrders", "appointments")) {
            JsonNode bundle = context.path(key);
            if (bundle.isObject()) {
                Resource parsed = parse(bundle, "context." + key);
                if (parsed instanceof Bundle) {
                    ((Bundle) parsed).getEntry().forEach(e -> orders.add(e.getResource()));
                }
            }
        }
        if (hookName.equals("order-dispatch") && context.path("order").isTextual()) {
            prefetch.order(context.path("order").asText()).ifPresent(orders::add);
        }
        JsonNode prefetched = hook.path("prefetch");
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) prefetched::fields) {
            if (entry.getValue().isObject() && !entry.getKey().equals("patient") && !entry.getKey().equals("coverage")) {
                Resource parsed = parse(entry.getValue(), "prefetch." + entry.getKey());
                if (parsed instanceof Bundle) {
                    ((Bundle) parsed).getEntry().forEach(e -> orders.add(e.getResource()));
                } else if (Orders.of(parsed).isPresent()) {
                    orders.add(parsed);
                }
            }
        }
        orders.removeIf(r -> r == null);
        return orders;
    }

    private static Resource parse(JsonNode node, String at) {
        try {
            return (Resource) Fhir.parse((ObjectNode) node);
        } catch (RuntimeException e) {
            throw new HookException(400, at + " must be a FHIR R4 resource");
        }
    }

    /** What the policy says of one order, over every kind and pathway its codes allow. */
    record Decision(String covered, Optional<String> paNeeded, boolean docNeeded, List<String> questionnaires,
            String summary, String indicator, String detail) {
    }

    Decision decide(String policy, Orders.Order order, Optional<Patient> patient, String instance) {
        List<Dtr.Choice> choices = dtr.choices(policy, order, patient, instance);
        if (choices.isEmpty()) {
            return new Decision("conditional", Optional.empty(), false, List.of(), "Not addressed by the member's policy",
                    "info", dtr.notAddressed(policy, order));
        }
        Set<Outcome> outcomes = new LinkedHashSet<>();
        Set<String> questionnaires = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        // The choices of one kind share its request: each request is evaluated once.
        Set<org.pumpauth.request.ReviewRequest> seenRequests = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Dtr.Choice choice : choices) {
            kinds.add(choice.kind());
            questionnaires.add(choice.questionnaire().getUrl());
            if (!seenRequests.add(choice.reviewRequest())) {
                continue;
            }
            Determination determination = dtr.evaluate(choice.reviewRequest());
            outcomes.add(determination.outcome());
            reasons.addAll(determination.reasons());
            determination.missingInformation().stream().map(MissingInformation::request).forEach(missing::add);
        }
        String title = choices.get(0).version().title() + " (" + choices.get(0).version().effectiveFrom() + ")";
        StringBuilder detail = new StringBuilder();
        if (kinds.size() > 1) {
            detail.append("The order's codes may be a ").append(String.join(" or a ", kinds)).append("; each is reviewed differently.\n\n");
        }
        if (outcomes.equals(Set.of(Outcome.INVESTIGATIONAL))) {
            reasons.forEach(r -> detail.append("- ").append(r).append('\n'));
            return new Decision("not-covered", Optional.empty(), false, List.of(),
                    "Not covered: investigational under " + title, "warning", detail.toString());
        }
        if (outcomes.equals(Set.of(Outcome.NOT_ADDRESSED))) {
            reasons.forEach(r -> detail.append("- ").append(r).append('\n'));
            return new Decision("conditional", Optional.empty(), false, List.of(), "Not addressed by " + title, "info",
                    detail.toString());
        }
        if (outcomes.equals(Set.of(Outcome.MEETS_CRITERIA))) {
            detail.append("What the order states meets the criteria of ").append(title)
                    .append(". Submit the prior authorization request (PAS) with the order.");
            return new Decision("covered", Optional.of("auth-needed"), false, List.copyOf(questionnaires),
                    "Prior authorization needed; the order meets " + title, "info", detail.toString());
        }
        detail.append("Prior authorization is needed under ").append(title)
                .append(". Complete the documentation questionnaire (DTR); the review needs:\n\n");
        missing.stream().limit(12).forEach(m -> detail.append("- ").append(m).append('\n'));
        if (missing.size() > 12) {
            detail.append("- and ").append(missing.size() - 12).append(" more (the questionnaire lists them)\n");
        }
        return new Decision("conditional", Optional.of("auth-needed"), true, List.copyOf(questionnaires),
                "Prior authorization and documentation needed (" + choices.get(0).version().id() + ")", "warning",
                detail.toString());
    }

    private ObjectNode action(Orders.Order order, Decision decision, Optional<InfoNeeded> infoNeeded,
            Coverage coverage, String instance, String today) {
        CoverageInformation info = coverageInformation(order, decision, infoNeeded, coverage, instance, today);
        ObjectNode action = JSON.createObjectNode();
        action.put("type", "update").put("description", "Coverage information for " + order.reference());
        // Written into the answer as HAPI encodes it, not read back into a tree first.
        org.hl7.fhir.r4.model.DomainResource resource = (org.hl7.fhir.r4.model.DomainResource) order.resource();
        action.putRawValue("resource", new RawValue(hapiAlone ? info.hapiOnto(resource) : info.onto(resource)));
        return action;
    }

    private static CoverageInformation coverageInformation(Orders.Order order, Decision decision, Optional<InfoNeeded> infoNeeded,
            Coverage coverage, String instance, String today) {
        CoverageInformation info = new CoverageInformation();
        String coverageRef = coverage.getIdElement().hasIdPart() ? "Coverage/" + coverage.getIdElement().getIdPart() : "";
        if (!coverageRef.isEmpty()) {
            info.coverage(coverageRef);
        }
        // With information still needed, an order is at most conditionally covered.
        String covered = infoNeeded.isPresent() && decision.covered().equals("covered") ? "conditional" : decision.covered();
        info.code("covered", covered);
        decision.paNeeded().ifPresent(pa -> info.code("pa-needed", pa));
        if (decision.docNeeded()) {
            info.code("doc-needed", "clinical");
            info.code("doc-purpose", "withpa");
        }
        infoNeeded.ifPresent(i -> info.code("info-needed", i.code()));
        for (String code : order.codes()) {
            String system = Character.isDigit(code.charAt(0)) ? "http://www.ama-assn.org/go/cpt"
                    : "https://bluebutton.cms.gov/resources/codesystem/hcpcs";
            info.billingCode(system, code);
        }
        info.reason(decision.summary());
        decision.questionnaires().forEach(info::questionnaire);
        info.date(today);
        info.string("coverage-assertion-id",
                UUID.nameUUIDFromBytes((instance + "|" + order.reference()).getBytes(StandardCharsets.UTF_8)).toString());
        return info;
    }

    private static ObjectNode card(String instance, Orders.Order order, String summary, String indicator, String detail,
            List<String> unseen) {
        ObjectNode card = JSON.createObjectNode();
        String key = instance + "|" + (order == null ? "" : order.reference()) + "|" + summary;
        card.put("uuid", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
        String head = order == null ? summary : summary + ": " + order.display();
        card.put("summary", head.length() > 139 ? head.substring(0, 138) + "…" : head);
        StringBuilder text = new StringBuilder(detail);
        for (String sentence : unseen) {
            text.append("\n\n").append(sentence);
        }
        card.put("detail", text.toString().strip());
        card.put("indicator", indicator);
        ObjectNode source = card.putObject("source");
        source.put("label", "pumpauth");
        ObjectNode topic = source.putObject("topic");
        topic.put("system", "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp").put("code", "coverage-info")
                .put("display", "Coverage Information");
        return card;
    }
}
