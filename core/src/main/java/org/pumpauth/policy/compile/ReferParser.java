package org.pumpauth.policy.compile;

import java.util.Optional;
import java.util.Set;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Refer;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;

/** {@code refer: CASE_BY_CASE} with {@code if: c}: the policy's words that send a case to individual review. */
final class ReferParser {
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final CriterionParser parser;

    ReferParser(Diagnostics diagnostics, Keys keys, CriterionParser parser) {
        this.diagnostics = diagnostics;
        this.keys = keys;
        this.parser = parser;
    }

    Optional<Criterion> parse(MapNode map, Meta meta, Context inner) {
        keys.unknown(map, Keys.withMeta(Set.of("refer", "if")), "refer");
        if (!meta.traced()) {
            diagnostics.report(map, Diagnostic.REFER_WITHOUT_ID);
        }
        if (!"CASE_BY_CASE".equals(keys.name(map.get("refer")))) {
            diagnostics.report(map.get("refer"), Diagnostic.REFER_VALUE);
        }
        Node condition = map.get("if");
        if (condition == null) {
            diagnostics.report(map, Diagnostic.REFER_WITHOUT_IF);
            return Optional.empty();
        }
        return parser.criterion(condition, inner.condition()).map(c -> new Refer(meta, c));
    }
}
