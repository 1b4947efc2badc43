package org.pumpauth.fhir.pas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.store.Database;
import org.pumpauth.server.store.DatabaseSettings;

/** The notifier's poll, twice a second, reads the watched cases, not the whole case store. */
class NotificationPollTest {

    @Test
    void the_poll_reads_from_the_watched_cases_in_a_store_of_many_decided_cases() {
        try (Database db = Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.of("sa"), Optional.empty()), 2)) {
            String plan = db.jdbi().withHandle(h -> {
                h.execute("INSERT INTO review_case (id, submitter, request_id, body_hash, policy, status, urgency,"
                        + " received_at, due_at) SELECT 'case-' || X, 'bench', 'r-' || X, REPEAT('a', 64), 'nia-cg-310',"
                        + " CASE WHEN MOD(X, 10) = 0 THEN 'pended' ELSE 'approved' END, 'standard', CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, 50000)");
                h.execute("ANALYZE");
                return String.join("\n", h.createQuery("EXPLAIN " + Subscriptions.DECIDED).mapTo(String.class).list());
            });
            // The first table read is the watched cases'; each case is then found by its primary key.
            assertThat(plan.replaceAll("\\s+", " ")).as(plan)
                    .containsPattern("FROM \"PUBLIC\".\"FHIR_WATCHED_CASE\" \"W\" /\\* PUBLIC\\.PRIMARY_KEY_\\w+ \\*/")
                    .containsPattern("\"REVIEW_CASE\" \"C\" /\\* PUBLIC\\.PRIMARY_KEY_\\w+: ID = W\\.CASE_ID \\*/");
        }
    }
}
