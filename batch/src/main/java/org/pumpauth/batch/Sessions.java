package org.pumpauth.batch;

import java.net.URI;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts Spark for a job: in this process ({@code local[*]}) by default, or on the cluster {@code --master} names. */
final class Sessions {
    static final String DEFAULT_MASTER = "local[*]";

    private Sessions() {}

    /**
     * @param master {@code --master}, or null: then the master spark-submit set, else {@code local[*]}
     */
    static SparkSession start(String job, String master) {
        SparkConf conf = new SparkConf(true); // reads spark.* system properties, as spark-submit sets them
        String chosen = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
        conf.setMaster(chosen).setAppName("pumpauth batch " + job);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Few partitions after a shuffle: the groups are small. Input splits of 32 MB (about 45,000 requests): a
        // million requests make 21 tasks, so two cores end within one task of each other (64 MB made 11: 6 rounds).
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.sql.files.maxPartitionBytes", String.valueOf(32L << 20));
        // zstd: on the determinations' JSON (about 6 KB each, mostly the policy's words) it is both the smallest (3.5%
        // of the JSON at its default level 3; level 1 4.7%, snappy 25%, lz4 17%) and as cheap per byte as any of them.
        conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
        // A write split by a column (evaluate's determinations and rejects) keeps a file open per value instead of
        // sorting the task's rows by it first: the sort held a task's determinations (their JSON) in memory.
        conf.setIfMissing("spark.sql.optimizer.plannedWrite.enabled", "false");
        conf.setIfMissing("spark.sql.maxConcurrentOutputFileWriters", "4");
        if (onThisMachine(chosen)) {
            // No network beyond this machine: the driver answers executors on the loopback address.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    static boolean onThisMachine(String master) {
        if (master.startsWith("local")) {
            return true;
        }
        try {
            String host = URI.create(master.replaceFirst(",.*", "")).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
