package org.pumpauth.policy.compile;

import java.util.Optional;
import java.util.Set;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Meta;
import org.pumpauth.policy.Refer;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;

/** {@code refer: CASE_BY_CASE} with {@code when: c}: the policy's words that send a case to individual review. */
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
        keys.unknown(map, Keys.withMeta(Set.of("refer", "when")), "refer");
        if (!meta.traced()) {
            diagnostics.report(map, "a referral needs an id and text: the policy's words that send the case to review");
        }
        if (!"CASE_BY_CASE".equals(keys.name(map.get("refer")))) {
            diagnostics.report(map.get("refer"), "refer takes CASE_BY_CASE");
        }
        Node when = map.get("when");
        if (when == null) {
            diagnostics.report(map, "refer needs when: the condition that sends the case to review");
            return Optional.empty();
        }
        Context condition = new Context(inner.item(), false, false, inner.cite());
        return parser.criterion(when, condition).map(c -> new Refer(meta, c));
    }
}
