package org.pumpauth.server;

import io.javalin.Javalin;
import org.pumpauth.server.http.HttpApi;
import org.pumpauth.server.web.LetterIndex;
import org.pumpauth.server.web.StoredLetters;
import org.pumpauth.server.web.Workspace;

/** The running HTTP server over a {@link ReviewService}. */
public final class ReviewServer implements AutoCloseable {
    private final Javalin app;

    private ReviewServer(Javalin app) {
        this.app = app;
    }

    /** Starts listening on {@code host}:{@code port} (0 for any free port); case pages list the stored letters. */
    public static ReviewServer start(ReviewService service, String host, int port, boolean accessLog) {
        return start(service, host, port, accessLog, new StoredLetters(service.database().jdbi()));
    }

    /** Starts the API under {@code /v1} and the web workspace at {@code /}, whose case pages list {@code letters}. */
    public static ReviewServer start(ReviewService service, String host, int port, boolean accessLog, LetterIndex letters) {
        return start(service, host, port, accessLog, letters, java.util.List.of());
    }

    /**
     * Starts the API under {@code /v1}, the web workspace at {@code /} and the routes of each mounted
     * {@link ServiceModule} (the FHIR API's, when its jar is on the class path).
     */
    public static ReviewServer start(ReviewService service, String host, int port, boolean accessLog,
            java.util.List<ServiceModule.Mounted> modules) {
        return start(service, host, port, accessLog, new StoredLetters(service.database().jdbi()), modules);
    }

    private static ReviewServer start(ReviewService service, String host, int port, boolean accessLog, LetterIndex letters,
            java.util.List<ServiceModule.Mounted> modules) {
        Workspace workspace = new Workspace(service.cases(), service.keys(), service.database().jdbi(), service.policyIds(),
                letters);
        Javalin app = new HttpApi(service.cases(), service.keys()).create(host, port, accessLog, config -> {
            for (ServiceModule.Mounted module : modules) {
                module.addRoutes(config);
            }
            workspace.addRoutes(config);
        });
        app.start();
        return new ReviewServer(app);
    }

    public int port() {
        return app.port();
    }

    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
