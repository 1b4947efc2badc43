package org.pumpauth.fhir.dtr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Resource;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.fhir.FhirException;
import org.pumpauth.request.RequestContract;

/**
 * SDC's adaptive {@code Questionnaire/$next-question}: the partial response comes back with the questions
 * the engine still needs (the fields its determination lists as missing, each of which can change the
 * outcome), or marked {@code completed} once the outcome no longer waits on information.
 */
public final class NextQuestion {
    private static final Pattern ELEMENT = Pattern.compile("^([A-Za-z]+)\\[(\\d+)]\\.(.+)$");
    private final Dtr dtr;

    public NextQuestion(Dtr dtr) {
        this.dtr = dtr;
    }

    /** The answer to a body that is a QuestionnaireResponse, or Parameters with {@code questionnaire-response} (and {@code coverage}). */
    public QuestionnaireResponse next(Resource body) {
        QuestionnaireResponse response = null;
        Optional<Coverage> coverage = Optional.empty();
        if (body instanceof QuestionnaireResponse) {
            response = (QuestionnaireResponse) body;
        } else if (body instanceof Parameters) {
            for (Parameters.ParametersParameterComponent p : ((Parameters) body).getParameter()) {
                if (p.getName().equals("questionnaire-response") && p.getResource() instanceof QuestionnaireResponse) {
                    response = (QuestionnaireResponse) p.getResource();
                } else if (p.getName().equals("coverage") && p.getResource() instanceof Coverage) {
                    coverage = Optional.of((Coverage) p.getResource());
                }
            }
        }
        if (response == null) {
            throw FhirException.invalid("Parameters.parameter.where(name='questionnaire-response')",
                    "send a QuestionnaireResponse, or Parameters with a questionnaire-response parameter");
        }
        QuestionnaireResponse next = response.copy();
        // The answer is pumpauth's: it claims no profile of the sender's (DTR's, say) that it has not checked.
        next.getMeta().getProfile().clear();
        ObjectNode request = Answers.toRequest(response);
        if (!request.hasNonNull("requestId")) {
            request.put("requestId", response.hasId() ? response.getIdElement().getIdPart() : "next-question");
        }
        if (!request.hasNonNull("policy")) {
            // The policy the questionnaire was made from, when it is one of this server's (the form asks what that
            // policy reads); else the coverage's policy, else the default.
            Optional<Coverage> member = coverage;
            request.put("policy", dtr.policyOfQuestionnaire(response.getQuestionnaire())
                    .orElseGet(() -> member.map(dtr::policyFor).orElseGet(() -> dtr.policyFor(new Coverage()))));
        }
        if (!request.path("service").hasNonNull("kind")) {
            ask(next, List.of("service.kind", "indication.category"));
            return next.setStatus(QuestionnaireResponseStatus.INPROGRESS);
        }
        Determination determination = dtr.evaluate(request);
        // Nothing more to ask (every missing field already asked) is as final as a decided outcome for the form.
        if (determination.outcome() != Outcome.INSUFFICIENT_INFORMATION || determination.missingInformation().isEmpty()) {
            return next.setStatus(QuestionnaireResponseStatus.COMPLETED);
        }
        List<String> fields = new ArrayList<>();
        for (MissingInformation missing : determination.missingInformation()) {
            fields.add(missing.field());
        }
        ask(next, fields);
        return next.setStatus(QuestionnaireResponseStatus.INPROGRESS);
    }

    /** Adds an unanswered item for each field not yet asked: in its list element's group for a trial's field. */
    private static void ask(QuestionnaireResponse response, List<String> fields) {
        for (String field : fields) {
            Matcher element = ELEMENT.matcher(field);
            if (element.matches()) {
                String list = element.group(1);
                String linkId = list + "[]." + element.group(3);
                List<QuestionnaireResponseItemComponent> groups = response.getItem().stream()
                        .filter(i -> i.getLinkId().equals(list)).toList();
                int index = Integer.parseInt(element.group(2));
                if (index < groups.size()) {
                    addIfAbsent(groups.get(index).getItem(), linkId);
                }
                continue;
            }
            addIfAbsent(response.getItem(), field);
        }
    }

    private static void addIfAbsent(List<QuestionnaireResponseItemComponent> items, String linkId) {
        if (items.stream().anyMatch(i -> i.getLinkId().equals(linkId))) {
            return;
        }
        items.add(new QuestionnaireResponseItemComponent().setLinkId(linkId).setText(RequestContract.ask(linkId)));
    }
}
