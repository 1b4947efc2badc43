package org.pumpauth.batch;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Review requests to read: a JSON Lines file (one request a line), a folder of them, or Parquet
 * (a file or a folder of {@code *.parquet}) with a string column {@code request} holding each
 * request's JSON. Read as rows of (file, value): the file each came from and the request's text.
 */
final class Inputs {
    static final String PARQUET_COLUMN = "request";

    private Inputs() {}

    static Dataset<Row> read(SparkSession spark, String input) {
        checkExists(input);
        Dataset<Row> rows;
        if (isParquet(input)) {
            Dataset<Row> parquet = spark.read().parquet(input);
            if (!Arrays.asList(parquet.columns()).contains(PARQUET_COLUMN)) {
                throw new BatchException("--input: Parquet input needs a string column '" + PARQUET_COLUMN
                        + "' holding each request's JSON; it has: " + String.join(", ", parquet.columns()));
            }
            rows = parquet.select(col("_metadata.file_path").as("file"), col(PARQUET_COLUMN).cast("string").as("value"));
        } else {
            rows = spark.read().option("recursiveFileLookup", "true").text(input)
                    .select(col("_metadata.file_path").as("file"), col("value"));
        }
        return rows;
    }

    /**
     * The rows of {@link #read} as Spark holds them (text as UTF-8 bytes), for a job that reads each line's
     * bytes itself. Spark reuses a row for the next: take what is needed from it before asking for the next.
     */
    static RDD<InternalRow> lines(SparkSession spark, String input) {
        return ((org.apache.spark.sql.classic.Dataset<Row>) read(spark, input)).queryExecution().toRdd();
    }

    /** A local path (no scheme) must exist; Spark is left to find a path on a cluster's file system. */
    static void checkExists(String input) {
        if (hasScheme(input)) {
            return;
        }
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new BatchException("--input: no such file or directory: " + input);
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                if (files.noneMatch(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))) {
                    throw new BatchException("--input: " + input + " holds no files; give JSON Lines or Parquet files");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static boolean isParquet(String input) {
        if (input.endsWith(".parquet")) {
            return true;
        }
        if (hasScheme(input) || !Files.isDirectory(Path.of(input))) {
            return false;
        }
        try (Stream<Path> files = Files.walk(Path.of(input))) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasScheme(String input) {
        try {
            String scheme = URI.create(input).getScheme();
            return scheme != null && scheme.length() > 1; // not a drive letter
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
