package org.pumpauth.fhir.dtr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.pumpauth.determination.Determination;
import org.pumpauth.engine.Engine;
import org.pumpauth.fhir.FhirException;
import org.pumpauth.fhir.Payers;
import org.pumpauth.logic.Truth;
import org.pumpauth.policy.Evaluation;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.UnknownPolicyException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * DTR over the engine: the questionnaire of a pathway ({@code GET Questionnaire/ID}), the package for an
 * order and coverage ({@code $questionnaire-package}), and the adaptive next questions
 * ({@code $next-question}). CRD asks it which pathways an order may take.
 */
public final class Dtr {
    private final PolicyRegistry registry;
    private final Payers payers;
    private final Clock clock;
    private final Engine engine = new Engine();
    private final RequestReader reader = new RequestReader();
    private final Map<String, Questionnaire> questionnaires = new LinkedHashMap<>();
    /** The same questionnaires by version and pathway (the registry's own objects), for CRD's every order. */
    private final Map<PolicyVersion, Map<Pathway, Questionnaire>> byPathway = new IdentityHashMap<>();
    /** The policy each questionnaire was made from, by the questionnaire's id. */
    private final Map<String, String> policyOf = new LinkedHashMap<>();

    public Dtr(PolicyRegistry registry, Payers payers, Clock clock) {
        this.registry = registry;
        this.payers = payers;
        this.clock = clock;
        for (Policy policy : registry.policies()) {
            for (PolicyVersion version : policy.versions()) {
                for (Pathway pathway : version.pathways()) {
                    if (pathway.outcome().isEmpty()) {
                        Questionnaire questionnaire = Questions.of(version, pathway);
                        questionnaires.put(Questions.id(version, pathway), questionnaire);
                        policyOf.put(Questions.id(version, pathway), version.id());
                        byPathway.computeIfAbsent(version, v -> new IdentityHashMap<>()).put(pathway, questionnaire);
                    }
                }
            }
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Payers payers() {
        return payers;
    }

    /** A request body as a FHIR R4 resource (JSON); a 400 when it is not one. */
    public static Resource parse(byte[] body) {
        try {
            return (Resource) org.pumpauth.fhir.Fhir.json().parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // HAPI's message may quote the body: say where only in general terms.
            throw FhirException.invalid("", "the body is not a FHIR R4 resource in JSON");
        }
    }

    /** {@code GET Questionnaire/ID}; a 404 for an id that names no pathway's questionnaire. */
    public Questionnaire read(String id) {
        return questionnaire(id).orElseThrow(() -> new FhirException(404, OperationOutcome.IssueType.NOTFOUND, "",
                "no such Questionnaire; a policy pathway's questionnaire is named by CRD's coverage information"
                        + " or returned by Questionnaire/$questionnaire-package"));
    }

    /** DTR's entries in the CapabilityStatement. */
    public static void capabilities(org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent rest) {
        org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent questionnaire = rest.addResource()
                .setType("Questionnaire");
        questionnaire.addInteraction().setCode(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ);
        questionnaire.addOperation().setName("questionnaire-package")
                .setDefinition("http://hl7.org/fhir/us/davinci-dtr/OperationDefinition/questionnaire-package");
        questionnaire.addOperation().setName("next-question")
                .setDefinition("http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-next-question");
    }

    /** The questionnaire of a pathway by its id; a pathway whose outcome the policy gives outright has none. */
    public Optional<Questionnaire> questionnaire(String id) {
        return Optional.ofNullable(questionnaires.get(id)).map(Questionnaire::copy);
    }

    /**
     * The policy a questionnaire of this server was made from, by its canonical URL
     * ({@code https://pumpauth.org/fhir/Questionnaire/ID}, a {@code |version} suffix allowed); empty for
     * another's questionnaire. Its id only: the version is the one in force on the service date, as PAS
     * will evaluate the request.
     */
    public Optional<String> policyOfQuestionnaire(String canonical) {
        if (canonical == null || !canonical.startsWith(Questions.BASE)) {
            return Optional.empty();
        }
        String id = canonical.substring(Questions.BASE.length());
        int bar = id.indexOf('|');
        return Optional.ofNullable(policyOf.get(bar < 0 ? id : id.substring(0, bar)));
    }

    /** The policy, {@code id} or {@code id@DATE}, for a member of this coverage (the payer configuration). */
    public String policyFor(Coverage coverage) {
        return payers.policyFor(coverage, reference -> contained(coverage, reference));
    }

    private static Optional<Resource> contained(Resource owner, Reference reference) {
        if (!(owner instanceof org.hl7.fhir.r4.model.DomainResource) || !reference.getReference().startsWith("#")) {
            return Optional.empty();
        }
        String id = reference.getReference().substring(1);
        return ((org.hl7.fhir.r4.model.DomainResource) owner).getContained().stream()
                .filter(r -> r.getIdElement().getIdPart() != null && r.getIdElement().getIdPart().replace("#", "").equals(id))
                .findFirst();
    }

    /** The version of a policy in force on a date; a 422 at {@code at} when there is none. */
    public PolicyVersion version(String policy, LocalDate serviceDate, String at) {
        try {
            return registry.select(policy).versionFor(serviceDate).orElseThrow(() -> FhirException.unprocessable(at,
                    "no version of the member's policy is in force on the date of service"));
        } catch (UnknownPolicyException e) {
            throw FhirException.unprocessable(at, "the member's policy is not one this service reviews under");
        }
    }

    /**
     * Whether what the member's policy ({@code id}, or {@code id@DATE} pinned to one version) answers depends
     * on a date after {@code day}: a version of it takes effect later. An unknown policy: false.
     */
    public boolean changesAfter(String policy, LocalDate day) {
        try {
            org.pumpauth.policy.PolicySelection selection = registry.select(policy);
            return selection.version().isEmpty()
                    && selection.policy().versions().stream().anyMatch(v -> v.effectiveFrom().isAfter(day));
        } catch (UnknownPolicyException e) {
            return false;
        }
    }

    /** The engine's determination for a request (JSON of contract v1, naming its policy). */
    public Determination evaluate(ObjectNode request) {
        return evaluate(read(request));
    }

    /** The engine's determination for a request already read (one that names its policy). */
    public Determination evaluate(ReviewRequest request) {
        return engine.evaluate(request, registry.select(request.policy().orElseThrow()), today());
    }

    private ReviewRequest read(ObjectNode request) {
        return reader.read(request.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The pathways a request may take under a version: those whose {@code when} may hold, up to the
     * first that holds (the engine takes the first that holds).
     */
    public List<Pathway> pathways(PolicyVersion version, ReviewRequest read) {
        Evaluation evaluation = new Evaluation(read, read.serviceDate(today()));
        List<Pathway> possible = new ArrayList<>();
        for (Pathway pathway : version.pathways()) {
            Truth applies = pathway.when().test(evaluation);
            if (applies != Truth.FALSE) {
                possible.add(pathway);
            }
            if (applies == Truth.TRUE) {
                break;
            }
        }
        return possible;
    }

    /**
     * {@code Questionnaire/$questionnaire-package}: for the {@code coverage} and each {@code order}, a
     * package bundle per pathway the order may take (its questionnaire and a response pre-filled with
     * what the order states); an order the member's policy does not address gets an {@code Outcome} saying so.
     */
    public Parameters questionnairePackage(Resource body) {
        if (!(body instanceof Parameters)) {
            throw FhirException.invalid("Parameters", "the body must be a Parameters resource with coverage and order");
        }
        Parameters in = (Parameters) body;
        Coverage coverage = null;
        List<Resource> orders = new ArrayList<>();
        List<String> canonicals = new ArrayList<>();
        for (ParametersParameterComponent p : in.getParameter()) {
            if (p.getName().equals("coverage") && p.getResource() instanceof Coverage) {
                coverage = (Coverage) p.getResource();
            } else if (p.getName().equals("order") && p.hasResource()) {
                orders.add(p.getResource());
            } else if (p.getName().equals("questionnaire") && p.hasValue()) {
                canonicals.add(p.getValue().primitiveValue());
            }
        }
        if (coverage == null) {
            throw FhirException.invalid("Parameters.parameter.where(name='coverage')", "a coverage parameter (a Coverage) is required");
        }
        Parameters out = new Parameters();
        for (String canonical : canonicals) {
            String id = canonical.startsWith(Questions.BASE) ? canonical.substring(Questions.BASE.length()).split("\\|")[0] : "";
            Optional<Questionnaire> known = questionnaire(id);
            if (known.isPresent()) {
                out.addParameter().setName("PackageBundle").setResource(bundle(known.get(), Optional.empty()));
            } else {
                outcome(out, "the questionnaire " + canonical.replaceAll("[^A-Za-z0-9:/._|-]", "") + " is not one of this payer's");
            }
        }
        if (orders.isEmpty() && canonicals.isEmpty()) {
            throw FhirException.invalid("Parameters.parameter.where(name='order')",
                    "an order parameter (ServiceRequest, DeviceRequest, Procedure or MedicationRequest) or a questionnaire is required");
        }
        String policy = orders.isEmpty() ? "" : policyFor(coverage);
        for (int i = 0; i < orders.size(); i++) {
            Optional<Orders.Order> order = Orders.of(orders.get(i));
            if (order.isEmpty()) {
                outcome(out, "order " + (i + 1) + " is a " + orders.get(i).fhirType()
                        + "; pumpauth reads ServiceRequest, DeviceRequest, Procedure and MedicationRequest orders");
                continue;
            }
            List<Choice> choices = choices(policy, order.get(), Optional.empty(), "hook");
            if (choices.isEmpty()) {
                outcome(out, notAddressed(policy, order.get()));
            }
            for (Choice choice : choices) {
                QuestionnaireResponse prefilled = Answers.fromRequest(choice.request());
                prefilled.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
                out.addParameter().setName("PackageBundle").setResource(bundle(choice.questionnaire().copy(), Optional.of(prefilled)));
            }
        }
        return out;
    }

    /** "Policy X does not address ...": the order's codes are not among the policy's. */
    public String notAddressed(String policy, Orders.Order order) {
        String codes = order.codes().isEmpty() ? "no CPT or HCPCS code" : "codes " + String.join(", ", order.codes());
        return "The member's policy (" + policy + ") does not address this " + order.resource().fhirType() + " (" + codes
                + "): pumpauth has no criteria and no questionnaire for it.";
    }

    /**
     * One way an order may be reviewed: a service kind, the request it makes, the pathway and its questionnaire
     * (the one shared by every request: copy it before changing it or handing it out). The choices of one kind
     * share one request, {@code request} as JSON and {@code reviewRequest} as the engine reads it.
     */
    public record Choice(String kind, ObjectNode request, ReviewRequest reviewRequest, PolicyVersion version, Pathway pathway,
            Questionnaire questionnaire) {
    }

    /**
     * The kinds and pathways an order may take under the member's policy; empty when the policy does not
     * list any of the order's codes.
     */
    public List<Choice> choices(String policy, Orders.Order order, Optional<Patient> patient, String requestId) {
        LocalDate date = order.date().orElse(today());
        Optional<PolicyVersion> inForce;
        try {
            inForce = registry.select(policy).versionFor(date);
        } catch (UnknownPolicyException e) {
            throw FhirException.unprocessable("Coverage.payor", "the member's policy is not one this service reviews under");
        }
        if (inForce.isEmpty()) {
            return List.of(); // no version in force on the date of service: the policy does not address the order
        }
        PolicyVersion version = inForce.get();
        if (order.codes().stream().noneMatch(version.codes()::contains)) {
            return List.of();
        }
        List<String> kinds = Orders.kinds(order.codes());
        List<Choice> choices = new ArrayList<>();
        for (String kind : kinds.isEmpty() ? org.pumpauth.request.RequestContract.SERVICE_KINDS : kinds) {
            ObjectNode request = Orders.request(requestId, policy, kind, order, patient, today());
            ReviewRequest read = read(request);
            Map<Pathway, Questionnaire> ofVersion = byPathway.getOrDefault(version, Map.of());
            for (Pathway pathway : pathways(version, read)) {
                Questionnaire questionnaire = ofVersion.get(pathway);
                if (questionnaire != null) {
                    choices.add(new Choice(kind, request, read, version, pathway, questionnaire));
                }
            }
        }
        return choices;
    }

    private static Bundle bundle(Questionnaire questionnaire, Optional<QuestionnaireResponse> prefilled) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl(questionnaire.getUrl()).setResource(questionnaire);
        prefilled.ifPresent(response -> {
            response.setQuestionnaire(questionnaire.getUrl() + "|" + questionnaire.getVersion());
            String id = UUID.nameUUIDFromBytes((questionnaire.getUrl() + response.getItem().size()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(response);
        });
        return bundle;
    }

    private static void outcome(Parameters out, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(message);
        out.addParameter().setName("Outcome").setResource(outcome);
    }
}
