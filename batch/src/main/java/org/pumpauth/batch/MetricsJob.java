package org.pumpauth.batch;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code batch metrics}: the prior-authorization metrics a plan publishes each year (CMS-0057-F; 42 CFR
 * 422.122(c) for Medicare Advantage), from the cases the service stored. The definitions are in
 * the README and in {@link Figures}; each figure is kept with its numerator and denominator.
 */
final class MetricsJob {
    private MetricsJob() {}

    /**
     * The figures of one urgency: counts, and the hours from receipt to decision. {@code appealsDecided}: the
     * requests denied, appealed and reconsidered (approved or upheld), the denominator of % approved after appeal.
     */
    record Figures(String urgency, long received, long decided, long approved, long denied, long approvedAfterAppeal,
            long approvedAfterExtension, Optional<Double> averageHours, Optional<Double> medianHours,
            long appealsDecided) {}

    static List<Figures> run(SparkSession spark, CaseStore store, int year) {
        Properties properties = store.properties();
        properties.setProperty("driver", store.driver());
        Timestamp start = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp end = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Dataset<Row> cases = spark.read().jdbc(store.url(), "review_case", properties)
                .select("urgency", "status", "received_at", "decided_at", "denied_at", "appealed_at", "extension_days")
                .filter(col("received_at").geq(lit(start)).and(col("received_at").lt(lit(end))));
        return figures(cases);
    }

    /** The figures per urgency of {@code cases} (columns of review_case), standard first. */
    static List<Figures> figures(Dataset<Row> cases) {
        // The first decision: a denial since appealed keeps its time in denied_at (the decision columns then
        // hold the reconsideration's); otherwise the decision columns hold it.
        Column deniedFirst = col("denied_at").isNotNull();
        Column decided = deniedFirst.or(col("status").isin("approved", "denied"));
        Column approved = col("status").equalTo("approved").and(col("denied_at").isNull());
        Column denied = deniedFirst.or(col("status").equalTo("denied"));
        Column afterAppeal = col("appealed_at").isNotNull().and(col("status").equalTo("approved"));
        // An appeal still in reconsideration has no outcome yet: it is in neither part of % approved after appeal.
        Column appealDecided = col("appealed_at").isNotNull().and(col("status").isin("approved", "denied"));
        Column afterExtension = col("extension_days").isNotNull().and(approved);
        Column decidedAt = coalesce(col("denied_at"), col("decided_at"));
        Column hours = when(decided, decidedAt.cast("long").minus(col("received_at").cast("long")).divide(3600.0));
        List<Row> rows = cases.withColumn("hours", hours).groupBy("urgency").agg(
                        count(lit(1)),
                        sum(when(decided, 1).otherwise(0)),
                        sum(when(approved, 1).otherwise(0)),
                        sum(when(denied, 1).otherwise(0)),
                        sum(when(afterAppeal, 1).otherwise(0)),
                        sum(when(afterExtension, 1).otherwise(0)),
                        avg(col("hours")),
                        expr("percentile(hours, 0.5)").as("median"),
                        sum(when(appealDecided, 1).otherwise(0)))
                .collectAsList();
        List<Figures> figures = new ArrayList<>();
        for (String urgency : List.of("standard", "expedited")) {
            Optional<Row> row = rows.stream().filter(r -> urgency.equals(r.getString(0))).findFirst();
            figures.add(row.map(r -> new Figures(urgency, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
                            r.getLong(5), r.getLong(6), Optional.ofNullable(r.isNullAt(7) ? null : r.getDouble(7)),
                            Optional.ofNullable(r.isNullAt(8) ? null : r.getDouble(8)), r.getLong(9)))
                    .orElse(new Figures(urgency, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(), 0)));
        }
        return figures;
    }
}
