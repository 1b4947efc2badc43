package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch metrics} on a small case store (the service's own schema, its migrations run in
 * order) whose figures are worked out by hand. Cases received in 2025 (UTC):
 *
 * <pre>
 * standard
 *   S1 approved          received 01-10 00:00, decided 01-11 00:00              24 h
 *   S2 approved          received 02-01 00:00, extended 5 days, decided 02-11    240 h
 *   S3 denied            received 03-01 00:00, decided 03-03 00:00               48 h
 *   S4 denied, appealed, approved on reconsideration:
 *                        received 04-01 00:00, denied 04-02 12:00 (first)        36 h
 *   S5 pending review    received 05-01 (not decided)
 *   S6 approved          received 2024-12-31 23:00 (another year: not counted)
 *   S7 denied, appealed, denial upheld on reconsideration:
 *                        received 07-01 00:00, denied 07-03 00:00 (first)        48 h
 *   decided 5 (S1-S4, S7): approved 2 (S1, S2) = 40.0%; denied 3 (S3, S4, S7) = 60.0%;
 *   approved after appeal 1 (S4) of 2 appeals decided (S4, S7) = 50.0%;
 *   approved after an extension 1 (S2) = 20.0%;
 *   hours 24, 240, 48, 36, 48: average 396 / 5 = 79.2; median 48.0
 * expedited
 *   E1 approved          received 06-01 00:00, decided 06-01 06:00                6 h
 *   E2 denied            received 06-02 00:00, decided 06-03 00:00               24 h
 *   E3 denied, appealed, reconsideration open: received 06-04 00:00, denied 06-04 12:00   12 h
 *   E4 information requested (not decided)
 *   decided 3: approved 1 = 33.3%; denied 2 (E2, E3) = 66.7%; after appeal 0 of 0 appeals decided (E3's is
 *   still open) = "no appeal decided"; after an extension 0 = 0.0%; hours 6, 24, 12: average 14.0; median 12.0
 * </pre>
 */
class BatchMetricsTest {
    static final String STANDARD = "requests of the year decided (standard)";
    static final String EXPEDITED = "requests of the year decided (expedited)";
    static final String APPEALS = "requests of the year denied, appealed and reconsidered (approved or upheld; ";
    /** metrics.csv as worked out by hand, after its header. */
    static final List<String> EXPECTED = List.of(
            "2025,standard,% approved,requests approved at their first decision,2," + STANDARD + ",5,40.0",
            "2025,standard,% denied,requests denied at their first decision,3," + STANDARD + ",5,60.0",
            "2025,standard,% approved after appeal,\"requests denied, appealed and approved on reconsideration\",1,\""
                    + APPEALS + "standard)\",2,50.0",
            "2025,standard,% approved after an extension,requests whose decision time was extended and that were"
                    + " approved,1," + STANDARD + ",5,20.0",
            "2025,standard,average time from receipt to decision (hours),sum of hours from receipt to the first"
                    + " decision,," + STANDARD + ",5,79.2",
            "2025,standard,median time from receipt to decision (hours),the middle of the hours from receipt to the"
                    + " first decision (the mean of the two middle ones for an even count),," + STANDARD + ",5,48.0",
            "2025,expedited,% approved,requests approved at their first decision,1," + EXPEDITED + ",3,33.3",
            "2025,expedited,% denied,requests denied at their first decision,2," + EXPEDITED + ",3,66.7",
            "2025,expedited,% approved after appeal,\"requests denied, appealed and approved on reconsideration\",0,\""
                    + APPEALS + "expedited)\",0,no appeal decided",
            "2025,expedited,% approved after an extension,requests whose decision time was extended and that were"
                    + " approved,0," + EXPEDITED + ",3,0.0",
            "2025,expedited,average time from receipt to decision (hours),sum of hours from receipt to the first"
                    + " decision,," + EXPEDITED + ",3,14.0",
            "2025,expedited,median time from receipt to decision (hours),the middle of the hours from receipt to the"
                    + " first decision (the mean of the two middle ones for an even count),," + EXPEDITED + ",3,12.0");

    @TempDir
    static Path dir;

    static Path data;
    static BatchRun run;

    @BeforeAll
    static void a_case_store_worked_out_by_hand() throws IOException, SQLException {
        data = dir.resolve("data");
        Files.createDirectories(data);
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("pumpauth"), "sa", "")) {
            migrate(db);
            fill(db);
        }
        run = BatchRun.of("metrics", "--master", "local[2]", "--year", "2025", "--data", data.toString(),
                "--out", dir.resolve("metrics").toString());
    }

    @Test
    void the_figures_are_the_ones_worked_out_by_hand() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("metrics").resolve(MetricsReport.CSV));
        assertThat(csv.get(0)).isEqualTo("year,urgency,measure,numerator,numerator_count,denominator,denominator_count,value");
        assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(EXPECTED);
        assertThat(run.out()).startsWith("2025 standard: 6 received, 5 decided\n2025 expedited: 4 received, 3 decided\n");
    }

    @Test
    void the_report_lists_the_items_and_services_that_need_prior_authorization() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        List<String> items = Files.readAllLines(dir.resolve("metrics").resolve(MetricsReport.ITEMS_CSV));
        assertThat(items.get(0)).isEqualTo("code,system,description,policies");
        assertThat(items).anyMatch(l -> l.startsWith("62362,CPT,") && l.contains("nia-cg-310@2024-01-01"));
        String html = Files.readString(dir.resolve("metrics").resolve(MetricsReport.HTML));
        assertThat(html).contains("<h2>Standard requests</h2>").contains("<h2>Expedited requests</h2>")
                .contains("62362").contains("79.2").contains("48.0").contains("no appeal decided");
    }

    @Test
    void a_data_directory_without_a_store_and_a_database_that_does_not_answer_are_refused_clearly() {
        BatchRun none = BatchRun.of("metrics", "--year", "2025", "--data", dir.resolve("nothing").toString(),
                "--out", dir.resolve("m1").toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("pumpauth batch: --data: no case store in " + dir.resolve("nothing")
                + " (no pumpauth.mv.db); name the directory the service keeps its data in (pumpauth serve --data DIR)\n");
        BatchRun unreachable = BatchRun.of("metrics", "--year", "2025", "--db", "jdbc:postgresql://127.0.0.1:9/pumpauth",
                "--out", dir.resolve("m2").toString());
        assertThat(unreachable.status()).isEqualTo(2);
        assertThat(unreachable.err()).isEqualTo("pumpauth batch: --db: cannot read the case store at"
                + " jdbc:postgresql://127.0.0.1:9/pumpauth (SQL state 08001); is the database running, and is this the"
                + " service's store?\n");
        assertThat(dir.resolve("m1")).doesNotExist();
        assertThat(dir.resolve("m2")).doesNotExist();
    }

    /** The cases of the class comment. */
    static void fill(Connection db) throws SQLException {
        add(db, "S1", "standard", "approved", "2025-01-10T00:00:00Z", "2025-01-11T00:00:00Z", null, null, null);
        add(db, "S2", "standard", "approved", "2025-02-01T00:00:00Z", "2025-02-11T00:00:00Z", null, null, 5);
        add(db, "S3", "standard", "denied", "2025-03-01T00:00:00Z", "2025-03-03T00:00:00Z", null, null, null);
        add(db, "S4", "standard", "approved", "2025-04-01T00:00:00Z", "2025-04-20T00:00:00Z",
                "2025-04-02T12:00:00Z", "2025-04-05T00:00:00Z", null);
        add(db, "S5", "standard", "pending-review", "2025-05-01T00:00:00Z", null, null, null, null);
        add(db, "S6", "standard", "approved", "2024-12-31T23:00:00Z", "2025-01-01T01:00:00Z", null, null, null);
        add(db, "S7", "standard", "denied", "2025-07-01T00:00:00Z", "2025-07-25T00:00:00Z",
                "2025-07-03T00:00:00Z", "2025-07-06T00:00:00Z", null);
        add(db, "E1", "expedited", "approved", "2025-06-01T00:00:00Z", "2025-06-01T06:00:00Z", null, null, null);
        add(db, "E2", "expedited", "denied", "2025-06-02T00:00:00Z", "2025-06-03T00:00:00Z", null, null, null);
        add(db, "E3", "expedited", "reconsideration", "2025-06-04T00:00:00Z", null, "2025-06-04T12:00:00Z",
                "2025-06-05T00:00:00Z", null);
        add(db, "E4", "expedited", "information-requested", "2025-06-05T00:00:00Z", null, null, null, null);
    }

    /** The service's migrations, in order, as Flyway runs them (one statement at a time, comments left out). */
    static void migrate(Connection db) throws IOException, SQLException {
        Path migrations = BatchRun.ROOT.resolve("server/src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(migrations); Statement statement = db.createStatement()) {
            for (Path file : files.sorted((a, b) -> Integer.compare(version(a), version(b))).toList()) {
                String sql = Files.readString(file).replaceAll("--[^\n]*", "");
                for (String one : sql.split(";")) {
                    if (!one.isBlank()) {
                        statement.execute(one);
                    }
                }
            }
        }
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static void add(Connection db, String id, String urgency, String status, String received, String decided,
            String denied, String appealed, Integer extensionDays) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO review_case (id, submitter, request_id,"
                + " body_hash, policy, status, urgency, received_at, due_at, decision, decided_at, denied_at, appealed_at,"
                + " extension_days) VALUES (?, 'tester', ?, ?, 'nia-cg-310', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, "R-" + id);
            insert.setString(3, "0".repeat(64));
            insert.setString(4, status);
            insert.setString(5, urgency);
            insert.setTimestamp(6, Timestamp.from(Instant.parse(received)));
            insert.setTimestamp(7, Timestamp.from(Instant.parse(received).plusSeconds(7 * 86400)));
            insert.setString(8, decided == null ? null : status.equals("denied") ? "deny" : "approve");
            insert.setTimestamp(9, decided == null ? null : Timestamp.from(Instant.parse(decided)));
            insert.setTimestamp(10, denied == null ? null : Timestamp.from(Instant.parse(denied)));
            insert.setTimestamp(11, appealed == null ? null : Timestamp.from(Instant.parse(appealed)));
            if (extensionDays == null) {
                insert.setNull(12, java.sql.Types.INTEGER);
            } else {
                insert.setInt(12, extensionDays);
            }
            insert.executeUpdate();
        }
    }
}
