package org.pumpauth.batch;

import picocli.CommandLine.Option;

/** The options every Spark job takes. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Where Spark runs: local[N], spark://HOST:PORT, yarn or k8s://... (default: local[*], this process;"
                    + " under spark-submit, its --master).")
    String master;

    @Option(names = "--overwrite", description = "Replace the output directory when it exists (only once the job has finished).")
    boolean overwrite;
}
