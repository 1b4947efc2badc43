package org.pumpauth.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.Policy;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * One input line to what {@code pumpauth evaluate --json} prints for it: a row per determination
 * ({@code kind} determination), or one row with the line's errors ({@code kind} reject). Every
 * non-blank line gives rows of exactly one kind, so lines read = requests evaluated + rejects.
 */
final class Evaluation implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    static final String DETERMINATION = "determination";
    static final String REJECT = "reject";

    /** The rows' columns. {@code seq} is the determination's place among its request's (0 the first). */
    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("file", DataTypes.StringType, true)
            .add("requestId", DataTypes.StringType, true)
            .add("seq", DataTypes.IntegerType, true)
            .add("policy", DataTypes.StringType, true)
            .add("version", DataTypes.DateType, true)
            .add("serviceDate", DataTypes.DateType, true)
            .add("pathway", DataTypes.StringType, true)
            .add("outcome", DataTypes.StringType, true)
            .add("action", DataTypes.StringType, true)
            .add("missing", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("determination", DataTypes.StringType, true)
            .add("errors", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("line", DataTypes.StringType, true);

    /**
     * One reader for every line (it is thread-safe): a reader made per line would make its JSON factory, and
     * learn every field name of the contract again, for each request.
     */
    private static final RequestReader READER = new RequestReader();

    private final List<String> policies;
    private final LocalDate today;

    /**
     * @param policies {@code --policy} values, each {@code ID} or {@code ID@DATE}; empty: each
     *     request's own policy, else every policy in force on its service date
     * @param today the day a request with neither serviceDate nor receivedAt is reviewed for
     */
    Evaluation(List<String> policies, LocalDate today) {
        this.policies = List.copyOf(policies);
        this.today = today;
    }

    /** {@code input}: columns file and value (the line). */
    @Override
    public Iterator<Row> call(Row input) {
        String file = input.getString(0);
        String line = input.getString(1);
        if (line == null || line.isBlank()) {
            return java.util.Collections.emptyIterator();
        }
        Review review = Engines.review();
        ReviewRequest request;
        try {
            request = READER.read(line);
        } catch (InvalidRequestException e) {
            return List.of(reject(file, null, e.problems().stream().map(Object::toString).collect(Collectors.toList()),
                    line)).iterator();
        }
        List<Determination> determinations;
        try {
            determinations = review.review(request, Engines.selections(policies), today);
        } catch (InvalidRequestException e) {
            return List.of(reject(file, request.requestId(),
                    e.problems().stream().map(Object::toString).collect(Collectors.toList()), line)).iterator();
        }
        if (determinations.isEmpty()) {
            String known = review.registry().policies().stream().map(Policy::id).collect(Collectors.joining(", "));
            return List.of(reject(file, request.requestId(), List.of("policy: no policy has a version in force on "
                    + request.serviceDate(today) + "; name one with --policy (known: " + known + ")"), line)).iterator();
        }
        List<Row> rows = new ArrayList<>(determinations.size());
        for (int i = 0; i < determinations.size(); i++) {
            rows.add(row(file, i, determinations.get(i)));
        }
        return rows.iterator();
    }

    static Row row(String file, int seq, Determination d) {
        String[] missing = d.missingInformation().stream().map(MissingInformation::field).toArray(String[]::new);
        return RowFactory.create(DETERMINATION, file, d.requestId(), seq, d.policy().id(),
                d.policy().version().map(java.sql.Date::valueOf).orElse(null), java.sql.Date.valueOf(d.serviceDate()), d.pathway().orElse(null), d.outcome().name(),
                d.action().code(), missing, DeterminationJson.toJson(d), null, null);
    }

    static Row reject(String file, String requestId, List<String> errors, String line) {
        return RowFactory.create(REJECT, file, requestId, null, null, null, null, null, null, null, null, null,
                errors.toArray(String[]::new), line);
    }
}
