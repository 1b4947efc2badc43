package org.pumpauth.server;

import io.javalin.Javalin;
import org.pumpauth.server.http.HttpApi;

/** The running HTTP server over a {@link ReviewService}. */
public final class ReviewServer implements AutoCloseable {
    private final Javalin app;

    private ReviewServer(Javalin app) {
        this.app = app;
    }

    /** Starts listening on {@code host}:{@code port} (0 for any free port). */
    public static ReviewServer start(ReviewService service, String host, int port, boolean accessLog) {
        Javalin app = new HttpApi(service.cases(), service.keys()).create(host, port, accessLog);
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
