package org.pumpauth.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.audit.AuditEntry;
import org.pumpauth.server.audit.Sha256;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.store.DatabaseSettings;
import org.pumpauth.server.testing.TestDatabase;

/**
 * A database written before documents were stored by case (schema version 3) opens under the current
 * schema with nothing lost: its case reads back its request and determination, and its audit trail,
 * an API key's entry among it, still verifies. Run on both databases by the two subclasses.
 */
abstract class DocumentMigrationTest {
    private static final String CASE = "0b7f9a3e-4c1d-4e8a-9f00-1d2c3b4a5e6f"; // a random (version 4) id, as then
    private static final String REQUEST = "{\"requestId\":\"r-1\",\"service\":{\"kind\":\"implant\"}}";
    private static final String DETERMINATION = "{\"outcome\":\"INSUFFICIENT_INFORMATION\"}";
    private static final String KEY_CONTENT = "{\"name\":\"clinic-a\",\"role\":\"submitter\"}";
    private static final Instant AT = Instant.parse("2024-04-01T12:00:00Z");

    private final TestDatabase database;

    DocumentMigrationTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void documents_stored_by_hash_alone_are_found_by_their_case_after_the_migration() {
        DatabaseSettings settings = database.fresh();
        Flyway.configure().dataSource(settings.url(), settings.user().orElse(null), settings.password().orElse(null))
                .locations("classpath:db/migration").target("3").load().migrate();
        Jdbi.create(settings.url(), settings.user().orElse(null), settings.password().orElse(null))
                .useTransaction(DocumentMigrationTest::writeAsVersion3);

        try (ReviewService service = ReviewService.open(settings, PolicyRegistry.builtIn(), Optional.empty(),
                Clock.fixed(AT, ZoneOffset.UTC))) {
            ReviewCase c = service.cases().get(new Caller("dr-p", Role.PHYSICIAN), CASE);
            assertThat(c.requestJson()).isEqualTo(REQUEST);
            assertThat(c.determinations()).extracting(ReviewCase.StoredDetermination::json).containsExactly(DETERMINATION);
            assertThat(service.audit().verify().entries()).isEqualTo(3);
            assertThat(service.audit().verify().intact()).isTrue();
            List<String> stored = service.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT case_id || ' ' || content FROM document ORDER BY case_id, content").mapTo(String.class).list());
            assertThat(stored).containsExactly(" " + KEY_CONTENT, CASE + " " + DETERMINATION, CASE + " " + REQUEST);
        }
    }

    /** A case with its determination, and a key's entry, as version 3 stored them: documents by hash alone. */
    private static void writeAsVersion3(Handle h) {
        String request = Sha256.hex(REQUEST);
        String determination = Sha256.hex(DETERMINATION);
        String key = Sha256.hex(KEY_CONTENT);
        for (String content : List.of(REQUEST, DETERMINATION, KEY_CONTENT)) {
            h.execute("INSERT INTO document (hash, content) VALUES (?, ?)", Sha256.hex(content), content);
        }
        h.execute("INSERT INTO review_case (id, submitter, request_id, body_hash, policy, status, urgency, received_at,"
                + " due_at, request_hash) VALUES (?, 'clinic-a', 'r-1', ?, 'nia-cg-310', 'information-requested',"
                + " 'standard', ?, ?, ?)", CASE, request, AT.atOffset(ZoneOffset.UTC),
                AT.plusSeconds(14 * 86400).atOffset(ZoneOffset.UTC), request);
        h.execute("INSERT INTO determination (case_id, seq, at, outcome, json_hash) VALUES (?, 1, ?,"
                + " 'INSUFFICIENT_INFORMATION', ?)", CASE, AT.atOffset(ZoneOffset.UTC), determination);
        String previous = "0".repeat(64);
        Object[][] entries = {{"", "key-created", key}, {CASE, "submitted", request}, {CASE, "evaluated", determination}};
        for (int i = 0; i < entries.length; i++) {
            long seq = i + 1;
            String hash = AuditEntry.hashOf(seq, (String) entries[i][0], (String) entries[i][1], "admin", AT,
                    (String) entries[i][2], previous);
            h.execute("INSERT INTO audit_entry (seq, case_id, event, actor, at, content_hash, previous_hash, entry_hash)"
                    + " VALUES (?, ?, ?, 'admin', ?, ?, ?, ?)", seq, entries[i][0], entries[i][1], AT.atOffset(ZoneOffset.UTC),
                    entries[i][2], previous, hash);
            previous = hash;
        }
        h.execute("UPDATE audit_head SET last_seq = 3, last_hash = ? WHERE id = 1", previous);
    }
}
