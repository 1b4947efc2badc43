package org.pumpauth.server.http;

/** Thrown by the HTTP layer for a problem of the exchange itself (no key, too large, wrong content type). */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    HttpProblem(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }

    static HttpProblem unauthorized(String detail) {
        return new HttpProblem(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    static HttpProblem tooLarge(long limit) {
        return new HttpProblem(Problem.of(413, "too-large", "Request body too large",
                "the body must be at most " + limit + " bytes"));
    }

    static HttpProblem unsupported(String allowed) {
        return new HttpProblem(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "send the body as " + allowed));
    }

    static HttpProblem badRequest(String detail) {
        return new HttpProblem(Problem.of(400, "invalid-request", "Invalid request", detail));
    }
}
