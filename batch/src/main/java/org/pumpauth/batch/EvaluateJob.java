package org.pumpauth.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * {@code batch evaluate}: every request in the input evaluated as {@code pumpauth evaluate --json}
 * would, written to an output folder as determinations (Parquet, and JSON Lines unless only Parquet
 * is asked), rejects with their errors, and a summary of outcomes per policy and pathway.
 */
final class EvaluateJob {
    static final String DETERMINATIONS = "determinations.parquet";
    static final String DETERMINATIONS_JSONL = "determinations.jsonl";
    static final String REJECTS = "rejects.parquet";
    static final String REJECTS_JSONL = "rejects.jsonl";

    /** What the job counted: lines read = requests evaluated + lines rejected. */
    record Counts(long read, long evaluated, long rejected, long determinations) {}

    /** One line of the summary: how many determinations of a policy and pathway had an outcome. */
    record SummaryLine(String policy, String pathway, String outcome, long determinations) {}

    private EvaluateJob() {}

    /**
     * @param work the folder to write into (the output's unfinished copy)
     * @param jsonLines whether to write the determinations as JSON Lines as well as Parquet
     */
    static Counts run(SparkSession spark, String input, List<String> policies, LocalDate today, Path work,
            boolean jsonLines) {
        OutcomeTally tally = new OutcomeTally();
        spark.sparkContext().register(tally, "outcomes");
        JavaRDD<InternalRow> rows = Inputs.lines(spark, input).toJavaRDD()
                .mapPartitions(new Evaluation(policies, today, tally));
        // Spark's own rows in, Spark's own rows out: Spark converts nothing on the way to Parquet.
        Dataset<Row> evaluated = ((org.apache.spark.sql.classic.SparkSession) spark)
                .internalCreateDataFrame(rows.rdd(), Evaluation.SCHEMA, false);
        Path all = work.resolve("_evaluated");
        evaluated.write().partitionBy("kind").parquet(all.toString());
        StructType columns = new StructType(java.util.Arrays.stream(Evaluation.SCHEMA.fields())
                .filter(f -> !f.name().equals("kind")).toArray(org.apache.spark.sql.types.StructField[]::new));
        Path determinations = work.resolve(DETERMINATIONS);
        Path rejects = work.resolve(REJECTS);
        moveOrEmpty(spark, all.resolve("kind=" + Evaluation.DETERMINATION), determinations, columns);
        moveOrEmpty(spark, all.resolve("kind=" + Evaluation.REJECT), rejects, columns);
        OutputDir.delete(all);

        Dataset<Row> rejected = spark.read().schema(columns).parquet(rejects.toString())
                .select("file", "requestId", "errors", "line");
        rejected.coalesce(1).write().mode(SaveMode.ErrorIfExists).json(work.resolve(REJECTS_JSONL).toString());
        if (jsonLines) {
            spark.read().schema(columns).parquet(determinations.toString()).select("determination")
                    .write().text(work.resolve(DETERMINATIONS_JSONL).toString());
        }

        // Counted by the tasks as they wrote: the summary needs no second pass over the determinations.
        OutcomeTally.Counts counted = tally.value();
        List<SummaryLine> summary = counted.lines();
        long determinationCount = summary.stream().mapToLong(SummaryLine::determinations).sum();
        Counts counts = new Counts(counted.evaluated() + counted.rejected(), counted.evaluated(), counted.rejected(),
                determinationCount);
        Summaries.write(work, input, counts, summary);
        return counts;
    }

    /** Spark writes nothing for a kind no line had: that output is then an empty Parquet folder with the columns. */
    private static void moveOrEmpty(SparkSession spark, Path from, Path to, StructType columns) {
        try {
            if (Files.isDirectory(from)) {
                Files.move(from, to);
            } else {
                spark.createDataFrame(List.<Row>of(), columns).write().parquet(to.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
