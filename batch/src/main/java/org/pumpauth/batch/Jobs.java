package org.pumpauth.batch;

import java.nio.file.Path;
import java.util.function.Function;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/** Runs a Spark job into an output folder that appears whole when the job finishes, and not at all when it fails. */
final class Jobs {
    private Jobs() {}

    static <T> T run(String job, SparkOptions options, Path out, Function<Context, T> body) {
        try (OutputDir dir = OutputDir.prepare("--out", out, options.overwrite)) {
            SparkSession spark = Sessions.start(job, options.master);
            try {
                T result = body.apply(new Context(spark, dir.work()));
                dir.commit();
                return result;
            } catch (Exception e) { // Spark throws AnalysisException, checked in Java's eyes, undeclared
                throw translated(e);
            } finally {
                spark.stop();
            }
        }
    }

    /** What a job needs: Spark, and the folder it writes into. */
    record Context(SparkSession spark, Path work) {}

    /** A path Spark cannot find is the user's input, not a failure of the job. */
    private static RuntimeException translated(Exception e) {
        if (e instanceof AnalysisException && "PATH_NOT_FOUND".equals(((AnalysisException) e).getErrorClass())) {
            return new BatchException("--input: no such file or directory (Spark's log: " + Main.logFile() + ")", e);
        }
        return e instanceof RuntimeException ? (RuntimeException) e : new JobFailedException(e);
    }

    /** A job that failed for a reason of Spark's (its log says more). */
    static final class JobFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailedException(Throwable cause) {
            super(cause);
        }
    }
}
