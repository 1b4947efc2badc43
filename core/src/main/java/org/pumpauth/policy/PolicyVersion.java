package org.pumpauth.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.pumpauth.terminology.Terminology;

/**
 * One version of one payer policy, compiled from its file: the scope every request must be in,
 * then the pathways. Immutable; safe to share between threads.
 *
 * @param effectiveFrom the version's id within its policy (G8)
 * @param reconstructed why the version is not a published text, where it is not
 * @param scope criteria checked before any pathway, each with the outcome its failure gives
 * @param documentation the documentation list the policy itself gives providers, verbatim, with
 *     its entries' sub-entries
 * @param tables the policy's own terminology tables ({@code tables:}), the shipped ones for those it
 *     does not name; none when it names none
 */
public record PolicyVersion(
        String id,
        LocalDate effectiveFrom,
        String title,
        String payer,
        String source,
        Optional<String> reconstructed,
        List<String> codes,
        List<Criterion> scope,
        List<Pathway> pathways,
        List<DocumentationItem> documentation,
        String file,
        Optional<Terminology> tables) {

    public PolicyVersion {
        codes = List.copyOf(codes);
        scope = List.copyOf(scope);
        pathways = List.copyOf(pathways);
        documentation = List.copyOf(documentation);
    }

    /** {@code id@YYYY-MM-DD}. */
    public String key() {
        return id + "@" + effectiveFrom;
    }

    public Optional<Pathway> pathway(String pathwayId) {
        return pathways.stream().filter(p -> p.id().equals(pathwayId)).findFirst();
    }
}
