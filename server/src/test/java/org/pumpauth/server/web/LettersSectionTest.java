package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

/** The case page lists the letters a {@link LetterIndex} gives, and shows or downloads each. */
class LettersSectionTest {
    @Test
    void a_case_page_lists_its_letters_and_each_opens_or_downloads_and_another_case_has_none() {
        MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
        LetterIndex letters = new LetterIndex() {
            @Override
            public List<Letter> list(String caseId) {
                return List.of(new Letter("denial-1", "Denial notice", Instant.parse("2024-04-01T12:00:00Z")));
            }

            @Override
            public Optional<String> html(String caseId, String letterId) {
                return letterId.equals("denial-1") ? Optional.of("<html><body><h1>Notice of denial</h1></body></html>")
                        : Optional.empty();
            }
        };
        try (ReviewService service = ReviewService.open(TestDatabase.H2.fresh(), PolicyRegistry.builtIn(),
                Optional.of("nia-cg-310"), clock);
                ReviewServer server = ReviewServer.start(service, "127.0.0.1", 0, false, letters)) {
            String nurse = service.keys().create(Role.NURSE, "nurse-l");
            ReviewCase c = service.cases().submit(new Caller("clinic-l", Role.SUBMITTER),
                    Requests.insufficient("L-1").getBytes(StandardCharsets.UTF_8)).reviewCase();
            Browserless b = new Browserless(server.port());
            assertThat(b.signIn(nurse).statusCode()).isEqualTo(303);
            assertThat(b.get("/cases/" + c.id()).body()).contains("Denial notice</a>, issued 2024-04-01 12:00 UTC")
                    .contains("/letters/denial-1/pdf");
            HttpResponse<String> view = b.get("/cases/" + c.id() + "/letters/denial-1");
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(view.body()).contains("Notice of denial");
            assertThat(view.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(b.get("/cases/" + c.id() + "/letters/denial-1?download=1").headers().firstValue("Content-Disposition"))
                    .contains("attachment; filename=\"letter-denial-1.html\"");
            assertThat(b.get("/cases/" + c.id() + "/letters/other").statusCode()).isEqualTo(404);
            assertThat(b.get("/login").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void the_service_s_own_letters_are_listed_on_the_case_page_and_open_there() {
        MutableClock clock = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
        try (ReviewService service = ReviewService.open(TestDatabase.H2.fresh(), PolicyRegistry.builtIn(),
                Optional.of("nia-cg-310"), clock);
                ReviewServer server = ReviewServer.start(service, "127.0.0.1", 0, false)) {
            String nurse = service.keys().create(Role.NURSE, "nurse-l");
            ReviewCase c = service.cases().submit(new Caller("clinic-l", Role.SUBMITTER),
                    Requests.insufficient("L-2").getBytes(StandardCharsets.UTF_8)).reviewCase();
            String letterId = service.cases().letters(new Caller("nurse-l", Role.NURSE), c.id()).get(0).id();
            Browserless b = new Browserless(server.port());
            assertThat(b.signIn(nurse).statusCode()).isEqualTo(303);

            assertThat(b.get("/cases/" + c.id()).body()).contains("/cases/" + c.id() + "/letters/" + letterId);
            HttpResponse<String> view = b.get("/cases/" + c.id() + "/letters/" + letterId);
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(view.body()).contains("psychological evaluation");
        }
    }
}
