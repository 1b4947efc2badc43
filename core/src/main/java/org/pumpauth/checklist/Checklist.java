package org.pumpauth.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.logic.Truth;
import org.pumpauth.policy.Criteria;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.DocumentationItem;
import org.pumpauth.policy.Evaluation;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * The documentation a provider sends for one pathway of one policy version, in plain language:
 * each criterion of the pathway (and the policy's scope) with the facts it needs, and the
 * documentation list the policy itself gives, if it gives one ({@link #policyDocumentation()}).
 */
public record Checklist(PolicyVersion version, Pathway pathway, List<Item> items) {
    public Checklist {
        items = List.copyOf(items);
    }

    /**
     * The policy's own list ("Documentation for Clinical Review"), verbatim and with the source's
     * sub-entries; empty when it has none.
     */
    public List<DocumentationItem> policyDocumentation() {
        return version.documentation();
    }

    /** One criterion and what to document for it. */
    public record Item(String criterion, String text, String citation, List<MissingInformation> documentation) {
        public Item {
            documentation = List.copyOf(documentation);
        }
    }

    /**
     * The checklist for a service kind and indication, or empty when the version has no pathway
     * for them.
     *
     * @throws InvalidRequestException when the kind or the indication is not a contract value
     */
    public static Optional<Checklist> of(PolicyVersion version, String kind, String indication) {
        List<InvalidRequestException.Problem> problems = new ArrayList<>();
        if (!RequestContract.SERVICE_KINDS.contains(kind)) {
            problems.add(new InvalidRequestException.Problem("kind", "must be one of: " + String.join(", ", RequestContract.SERVICE_KINDS)));
        }
        if (!RequestContract.INDICATION_CATEGORIES.contains(indication)) {
            problems.add(new InvalidRequestException.Problem("indication",
                    "must be one of: " + String.join(", ", RequestContract.INDICATION_CATEGORIES)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ReviewRequest probe = new RequestReader().read("{\"requestId\":\"checklist\",\"service\":{\"kind\":\"" + kind
                + "\"},\"indication\":{\"category\":\"" + indication + "\"}}"); // both checked against the contract above
        Pathway chosen = null;
        for (Pathway pathway : version.pathways()) {
            Truth applies = pathway.when().test(new Evaluation(probe, version.effectiveFrom()));
            if (applies == Truth.TRUE || (applies == Truth.UNKNOWN && chosen == null)) {
                chosen = pathway;
                if (applies == Truth.TRUE) {
                    break;
                }
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        List<Criterion> criteria = new ArrayList<>(version.scope());
        criteria.addAll(chosen.criteria());
        for (Criterion criterion : criteria) {
            List<MissingInformation> documentation = new ArrayList<>();
            for (String field : Criteria.fields(criterion)) {
                documentation.add(new MissingInformation(field, RequestContract.ask(field)));
            }
            items.add(new Item(criterion.meta().id(), criterion.meta().text(), criterion.meta().citation(), documentation));
        }
        return Optional.of(new Checklist(version, chosen, items));
    }
}
