package org.pumpauth.batch;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.pumpauth.policy.PolicyVersion;

/**
 * {@code batch impact}: every request under two versions of a policy; per pathway, how many
 * outcomes go from which to which, the criteria whose result changed for each change, and example
 * requests.
 */
final class ImpactJob {
    static final String REQUESTS = "requests.parquet";
    static final int EXAMPLES = 5;

    /** How many requests of a pathway went from one outcome to another (the same for unchanged ones). */
    record Transition(String pathway, String from, String to, long requests) {
        boolean changed() {
            return !from.equals(to);
        }
    }

    /** A criterion whose result changed ({@code id: BEFORE -> AFTER}) in so many requests of a change. */
    record CriterionChange(String pathway, String from, String to, String criterion, long requests) {}

    /** Up to five request ids of a change, the first in id order. */
    record Examples(String pathway, String from, String to, List<String> requestIds) {}

    /** What the job found. */
    record Impact(PolicyVersion from, PolicyVersion to, long read, long compared, long otherPolicy, long rejected,
            List<Transition> transitions, List<CriterionChange> criteria, List<Examples> examples,
            Provenance provenance) {}

    private ImpactJob() {}

    static Impact run(SparkSession spark, String input, String from, String to, LocalDate today, Path work) {
        PolicyVersion before = Engines.version(from);
        PolicyVersion after = Engines.version(to);
        Provenance provenance = Provenance.of(input, List.of(before, after), spark.version());
        Path requests = work.resolve(REQUESTS);
        Inputs.read(spark, input).flatMap(new ImpactEvaluation(before.key(), after.key(), today),
                Encoders.row(ImpactEvaluation.SCHEMA)).write().parquet(requests.toString());
        Dataset<Row> rows = spark.read().parquet(requests.toString());

        long compared = 0;
        long otherPolicy = 0;
        long rejected = 0;
        for (Row row : rows.groupBy("status").count().collectAsList()) {
            switch (row.getString(0)) {
                case ImpactEvaluation.COMPARED:
                    compared = row.getLong(1);
                    break;
                case ImpactEvaluation.OTHER_POLICY:
                    otherPolicy = row.getLong(1);
                    break;
                default:
                    rejected = row.getLong(1);
            }
        }
        Dataset<Row> comparedRows = rows.filter(col("status").equalTo(ImpactEvaluation.COMPARED));
        List<Transition> transitions = new ArrayList<>();
        for (Row row : comparedRows.groupBy("pathway", "outcomeFrom", "outcomeTo").agg(count(lit(1)))
                .orderBy("pathway", "outcomeFrom", "outcomeTo").collectAsList()) {
            transitions.add(new Transition(row.getString(0), row.getString(1), row.getString(2), row.getLong(3)));
        }
        Dataset<Row> changed = comparedRows.filter(col("outcomeFrom").notEqual(col("outcomeTo")));
        List<CriterionChange> criteria = new ArrayList<>();
        for (Row row : changed.select(col("pathway"), col("outcomeFrom"), col("outcomeTo"),
                        explode(col("changedCriteria")).as("criterion"))
                .groupBy("pathway", "outcomeFrom", "outcomeTo", "criterion").agg(count(lit(1)).as("n"))
                .orderBy(col("pathway"), col("outcomeFrom"), col("outcomeTo"), col("n").desc(), col("criterion"))
                .collectAsList()) {
            criteria.add(new CriterionChange(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getLong(4)));
        }
        List<Examples> examples = new ArrayList<>();
        for (Row row : changed.groupBy("pathway", "outcomeFrom", "outcomeTo")
                .agg(slice(array_sort(collect_list(col("requestId"))), 1, EXAMPLES))
                .orderBy("pathway", "outcomeFrom", "outcomeTo").collectAsList()) {
            examples.add(new Examples(row.getString(0), row.getString(1), row.getString(2), row.getList(3)));
        }
        Impact impact = new Impact(before, after, compared + otherPolicy + rejected, compared, otherPolicy, rejected,
                transitions, criteria, examples, provenance);
        ImpactReport.write(impact, work);
        return impact;
    }
}
