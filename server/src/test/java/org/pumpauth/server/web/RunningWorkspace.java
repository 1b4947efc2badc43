package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.testing.TestDatabase;

/**
 * The review service on a fresh embedded H2 database (built-in policies, {@code nia-cg-310} by default) with its
 * server on 127.0.0.1, for the workspace's tests: sign in over HTTP with {@link #signedIn}, or in Debian's
 * chromium with {@link #chromium}. Closing it closes the browser, the server and the service.
 */
final class RunningWorkspace implements AutoCloseable {
    final ReviewService service;
    final ReviewServer server;
    private Chromium browser;

    private RunningWorkspace(ReviewService service, ReviewServer server) {
        this.service = service;
        this.server = server;
    }

    static RunningWorkspace onH2(Clock clock) {
        ReviewService service = ReviewService.open(TestDatabase.H2.fresh(), PolicyRegistry.builtIn(),
                Optional.of("nia-cg-310"), clock);
        try {
            return new RunningWorkspace(service, ReviewServer.start(service, "127.0.0.1", 0, false));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    /** A user agent over HTTP, signed in with {@code key} through the sign-in form. */
    Browserless signedIn(String key) {
        Browserless b = new Browserless(port());
        assertThat(b.signIn(key).statusCode()).as("signing in").isEqualTo(303);
        return b;
    }

    /** Starts chromium on this workspace (closed with it), or skips the test outside CI when it is not installed. */
    Chromium chromium() throws IOException {
        browser = Chromium.startOrSkip("http://127.0.0.1:" + port());
        return browser;
    }

    @Override
    public void close() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.close();
            service.close();
        }
    }
}
