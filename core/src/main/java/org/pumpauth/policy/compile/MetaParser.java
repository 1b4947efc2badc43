package org.pumpauth.policy.compile;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pumpauth.determination.Outcome;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Scalar;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.RequestContract;

/** Reads what a criterion says about itself: id, text, citation, interpretation and outcome when not met. */
final class MetaParser {
    /** The outcomes a criterion may give when it is not met, in G2's order. */
    static final List<Outcome> FAILURE_OUTCOMES =
            List.of(Outcome.NOT_ADDRESSED, Outcome.INVESTIGATIONAL, Outcome.DOES_NOT_MEET_CRITERIA);

    private final Diagnostics diagnostics;
    private final Keys keys;
    private final String source;

    /** @param source the source document that citations point into */
    MetaParser(Diagnostics diagnostics, Keys keys, String source) {
        this.diagnostics = diagnostics;
        this.keys = keys;
        this.source = source;
    }

    Meta meta(MapNode map, Context context) {
        Optional<String> id = keys.optional(map, "id");
        Optional<String> text = keys.optional(map, "text");
        Optional<String> interpretation = keys.optional(map, "interpretation");
        Optional<String> cite = keys.optional(map, "cite");
        if (id.isEmpty()) {
            for (String key : List.of("text", "cite", "interpretation", "ifNotMet")) {
                if (map.has(key)) {
                    diagnostics.report(map.keys().get(key), Diagnostic.META_WITHOUT_ID, key);
                }
            }
            return Meta.INLINE;
        }
        if (!context.traceable()) {
            diagnostics.report(map.keys().get("id"), Diagnostic.ID_IN_CONDITION, id.get());
            return Meta.INLINE;
        }
        if (text.isEmpty()) {
            diagnostics.report(map, Diagnostic.MISSING_TEXT, id.get());
        }
        Optional<String> section = cite.or(context::cite);
        if (section.isEmpty() || section.get().isBlank()) {
            diagnostics.report(map, Diagnostic.MISSING_CITE, id.get(), source);
        }
        Node ifNotMet = map.get("ifNotMet");
        Outcome failure = ifNotMet instanceof Scalar ? failure(ifNotMet, ((Scalar) ifNotMet).text(), context)
                : Outcome.DOES_NOT_MEET_CRITERIA;
        Optional<Field> askFor = ifNotMet instanceof MapNode ? askFor((MapNode) ifNotMet) : Optional.empty();
        if (ifNotMet != null && !(ifNotMet instanceof Scalar) && !(ifNotMet instanceof MapNode)) {
            diagnostics.report(ifNotMet, Diagnostic.IF_NOT_MET_VALUE, String.join(", ", names(FAILURE_OUTCOMES)));
        }
        return new Meta(id.get(), text.orElse(""), citation(section.orElse("")), interpretation, failure, askFor);
    }

    /**
     * {@code ifNotMet: {askFor: FIELD}}: a document stated as not sent is asked for, and the
     * criterion is unknown rather than not met (the NIA pump analysis report, G12).
     */
    private Optional<Field> askFor(MapNode map) {
        keys.unknown(map, Set.of("askFor"), "ifNotMet");
        Node field = map.get("askFor");
        if (field == null) {
            diagnostics.report(map, Diagnostic.IF_NOT_MET_VALUE, String.join(", ", names(FAILURE_OUTCOMES)));
            return Optional.empty();
        }
        String path = keys.name(field);
        Optional<Field> f = RequestContract.REQUEST.field(path).filter(x -> x.type() == FieldType.BOOLEAN);
        if (f.isEmpty()) {
            diagnostics.report(field, Diagnostic.ASK_FOR_FIELD, path,
                    Suggestions.didYouMean(path, FactResolver.paths(RequestContract.REQUEST, FieldType.BOOLEAN)));
        }
        return f;
    }

    private Outcome failure(Node at, String word, Context context) {
        if (!context.topLevel()) {
            diagnostics.report(at, Diagnostic.OUTCOME_NOT_TOP_LEVEL);
        }
        Optional<Outcome> outcome = outcome(at, word);
        if (outcome.isPresent() && !FAILURE_OUTCOMES.contains(outcome.get())) {
            diagnostics.report(at, Diagnostic.OUTCOME_NOT_A_FAILURE, String.join(", ", names(FAILURE_OUTCOMES)), word);
            return Outcome.DOES_NOT_MEET_CRITERIA;
        }
        return outcome.orElse(Outcome.DOES_NOT_MEET_CRITERIA);
    }

    Optional<Outcome> outcome(Node at, String word) {
        try {
            return Optional.of(Outcome.valueOf(word));
        } catch (IllegalArgumentException e) {
            diagnostics.report(at, Diagnostic.UNKNOWN_OUTCOME, word, Suggestions.didYouMean(word, names(List.of(Outcome.values()))),
                    String.join(", ", names(List.of(Outcome.values()))));
            return Optional.empty();
        }
    }

    private static List<String> names(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::name).toList();
    }

    /** The section a traced criterion cites, its own or the one it inherits, without reporting again. */
    String ownCite(MapNode map, Context context) {
        Node cite = map.get("cite");
        if (cite instanceof Scalar && !((Scalar) cite).text().isBlank()) {
            return ((Scalar) cite).text();
        }
        return context.cite().orElse("");
    }

    String citation(String section) {
        return source + " § " + section;
    }
}
