package org.pumpauth.policy.compile;

import java.util.List;
import java.util.Optional;
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
        Optional<String> outcomeWord = keys.optional(map, "outcome");
        Optional<String> missingWhenFalse = keys.optional(map, "missingWhenFalse");
        Optional<String> cite = keys.optional(map, "cite");
        if (id.isEmpty()) {
            for (String key : List.of("text", "cite", "interpretation", "outcome", "missingWhenFalse")) {
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
        Outcome failure = outcomeWord.isEmpty() ? Outcome.DOES_NOT_MEET_CRITERIA : failure(map.get("outcome"), outcomeWord.get(), context);
        Optional<Field> document = missingWhenFalse.flatMap(path -> {
            Optional<Field> f = RequestContract.REQUEST.field(path).filter(x -> x.type() == FieldType.BOOLEAN);
            if (f.isEmpty()) {
                diagnostics.report(map.get("missingWhenFalse"), Diagnostic.MISSING_WHEN_FALSE_FIELD, path,
                        Suggestions.didYouMean(path, FactResolver.paths(RequestContract.REQUEST, FieldType.BOOLEAN)));
            }
            return f;
        });
        return new Meta(id.get(), text.orElse(""), citation(section.orElse("")), interpretation, failure, document);
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
