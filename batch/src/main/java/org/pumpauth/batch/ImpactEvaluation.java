package org.pumpauth.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.Determination;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * One input line under two policy versions, as {@code pumpauth policy impact} compares them: each
 * request as of its own service date under both, whatever their effective dates. A request that
 * names another policy than the two is not compared (status other-policy); a line that is not a
 * valid request is a reject.
 */
final class ImpactEvaluation implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    static final String COMPARED = "compared";
    static final String OTHER_POLICY = "other-policy";
    static final String REJECTED = "rejected";
    /** How a pathway is shown when a determination has none. */
    static final String NO_PATHWAY = "(none)";

    static final StructType SCHEMA = new StructType()
            .add("status", DataTypes.StringType, false)
            .add("requestId", DataTypes.StringType, true)
            .add("pathway", DataTypes.StringType, true)
            .add("pathwayTo", DataTypes.StringType, true)
            .add("outcomeFrom", DataTypes.StringType, true)
            .add("outcomeTo", DataTypes.StringType, true)
            .add("changedCriteria", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("errors", DataTypes.createArrayType(DataTypes.StringType, false), true);

    /** One reader and one engine for every line (both are thread-safe, as the service shares them). */
    private static final RequestReader READER = new RequestReader();
    private static final Engine ENGINE = new Engine();

    private final String from;
    private final String to;
    private final LocalDate today;

    ImpactEvaluation(String from, String to, LocalDate today) {
        this.from = from;
        this.to = to;
        this.today = today;
    }

    @Override
    public Iterator<Row> call(Row input) {
        String line = input.getString(1);
        if (line == null || line.isBlank()) {
            return java.util.Collections.emptyIterator();
        }
        ReviewRequest request;
        try {
            request = READER.read(line);
        } catch (InvalidRequestException e) {
            return List.of(RowFactory.create(REJECTED, null, null, null, null, null, null,
                    e.problems().stream().map(Object::toString).toArray(String[]::new))).iterator();
        }
        PolicyVersion before = Engines.version(from);
        PolicyVersion after = Engines.version(to);
        Optional<String> own = request.policy().map(p -> p.replaceFirst("@.*", ""));
        if (own.isPresent() && !own.get().equals(before.id()) && !own.get().equals(after.id())) {
            return List.of(RowFactory.create(OTHER_POLICY, request.requestId(), null, null, null, null, null, null))
                    .iterator();
        }
        LocalDate serviceDate = request.serviceDate(today);
        Determination a = ENGINE.evaluate(request, before, serviceDate);
        Determination b = ENGINE.evaluate(request, after, serviceDate);
        return List.of(RowFactory.create(COMPARED, request.requestId(), a.pathway().orElse(NO_PATHWAY),
                b.pathway().orElse(NO_PATHWAY), a.outcome().name(), b.outcome().name(),
                changedCriteria(a, b).toArray(String[]::new), null)).iterator();
    }

    /** Each criterion whose result differs between the two, as {@code id: BEFORE -> AFTER} (absent when a version has no such criterion). */
    static List<String> changedCriteria(Determination a, Determination b) {
        Map<String, String> before = results(a);
        Map<String, String> after = results(b);
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String id : ids) {
            String x = before.getOrDefault(id, "absent");
            String y = after.getOrDefault(id, "absent");
            if (!x.equals(y)) {
                changed.add(id + ": " + x + " -> " + y);
            }
        }
        return changed;
    }

    private static Map<String, String> results(Determination d) {
        Map<String, String> results = new LinkedHashMap<>();
        d.criteria().ifPresent(root -> collect(root, results));
        return results;
    }

    private static void collect(CriterionResult node, Map<String, String> results) {
        results.putIfAbsent(node.id(), node.result().name());
        node.children().forEach(child -> collect(child, results));
    }
}
