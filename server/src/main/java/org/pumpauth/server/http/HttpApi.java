package org.pumpauth.server.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pumpauth.request.DateRange;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.cases.CaseQuery;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.letters.IssuedLetter;
import org.pumpauth.server.letters.LetterPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /v1}: routes, authentication, bodies and problem documents. Handlers
 * are thin: they read the exchange and call {@link CaseService}. Log lines carry the method, the
 * path (an API path, which holds at most a case id), the status and the time; never a body or query.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger("pumpauth.http");
    static final String JSON = "application/json";
    private static final String PROBLEM = "pumpauth.problem";
    private static final Pattern API_PATH = Pattern.compile(
            "/v1/(openapi\\.json|evaluate|cases(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(/information|/information-request|/decision"
                    + "|/extension|/appeal|/peer-to-peer|/proposals|/notes"
                    + "|/letters(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(pdf|html))?)?)?)");
    /**
     * The FHIR module's paths (a resource type and an operation), a pathway questionnaire's id (a policy
     * id, the version's date and the pathway: {@code nia-cg-310-2024-01-01-implant-chronic-pain}; no other
     * id), and its CDS Hooks services.
     */
    private static final Pattern FHIR_PATH = Pattern.compile("/fhir(/metadata"
            + "|/(Claim|Subscription|Questionnaire|QuestionnaireResponse)(/\\$[a-z-]{1,40})?"
            + "|/Questionnaire/[a-z0-9][a-z0-9.-]{0,80}-[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9][a-z0-9.-]{0,80})?"
            + "|/cds-services(/[a-z-]*(order-sign|order-select|order-dispatch|appointment-book|encounter-start)[a-z-]*)?");
    private static final Pattern CASE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern POLICY_FILTER = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final String NO_SUCH_CASE = "no such case, or not one this key may see";
    private static final Problem BAD_ESCAPE = Problem.of(400, "invalid-request", "Invalid request",
            "the path holds a malformed percent-escape (% must be followed by two hexadecimal digits)");
    private static final Problem NO_SUCH_RESOURCE = Problem.of(404, "not-found", "Not found",
            "no such resource; see /v1/openapi.json");

    private final CaseService cases;
    private final ApiKeys keys;
    private final byte[] openApi;

    /** A route: what {@code /v1/openapi.json} must describe. */
    public record Route(String method, String path, Handler handler) {}

    public HttpApi(CaseService cases, ApiKeys keys) {
        this.cases = cases;
        this.keys = keys;
        try (InputStream in = HttpApi.class.getResourceAsStream("openapi.json")) {
            this.openApi = in == null ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/v1/openapi.json", ctx -> ctx.contentType(JSON).result(openApi)),
                new Route("POST", "/v1/evaluate", this::evaluate),
                new Route("POST", "/v1/cases", this::submit),
                new Route("GET", "/v1/cases", this::queue),
                new Route("GET", "/v1/cases/{id}", this::get),
                new Route("POST", "/v1/cases/{id}/information", this::information),
                new Route("POST", "/v1/cases/{id}/information-request", this::informationRequest),
                new Route("POST", "/v1/cases/{id}/decision", this::decision),
                new Route("POST", "/v1/cases/{id}/extension", this::extension),
                new Route("POST", "/v1/cases/{id}/appeal", this::appeal),
                new Route("POST", "/v1/cases/{id}/peer-to-peer", this::peerToPeer),
                new Route("POST", "/v1/cases/{id}/notes", this::attachNote),
                new Route("POST", "/v1/cases/{id}/proposals", this::proposal),
                new Route("GET", "/v1/cases/{id}/letters", this::letters),
                new Route("GET", "/v1/cases/{id}/letters/{letterId}.pdf", ctx -> letter(ctx, true)),
                new Route("GET", "/v1/cases/{id}/letters/{letterId}.html", ctx -> letter(ctx, false)));
    }

    /** A Javalin server with the routes, not yet started. */
    public Javalin create(String host, int port, boolean accessLog) {
        return create(host, port, accessLog, config -> { });
    }

    /** A Javalin server with the routes and those {@code more} adds (the web workspace's), not yet started. */
    public Javalin create(String host, int port, boolean accessLog, java.util.function.Consumer<io.javalin.config.JavalinConfig> more) {
        return Javalin.create(config -> {
            more.accept(config);
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            // Jetty caches header fields per connection, by default ignoring case: on a kept-alive
            // connection a case variant of a key already sent would be read as that key.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.http.maxRequestSize = Bodies.MAX_BYTES;
            // Responses are small JSON on a local network: not worth a gzip pass (and its copy).
            config.http.compressionStrategy = CompressionStrategy.NONE;
            for (Route route : routes()) {
                config.routes.addHttpHandler(new HandlerType(route.method()), route.path(), route.handler());
            }
            config.routes.exception(InvalidRequestException.class, (e, ctx) -> problem(ctx, Problem.invalid(e)));
            config.routes.exception(ServiceException.class, (e, ctx) -> {
                if (e.status() == 503) {
                    ctx.header("Retry-After", "1");
                }
                if (e.status() == 401) {
                    ctx.header("WWW-Authenticate", "Bearer");
                }
                problem(ctx, Problem.of(e.status(), e.kind(), e.title(), e.getMessage()));
            });
            config.routes.exception(HttpProblem.class, (e, ctx) -> {
                if (e.problem().status() == 401) {
                    ctx.header("WWW-Authenticate", "Bearer");
                }
                problem(ctx, e.problem());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                // Javalin's own (no such route, a malformed request): its status, in our problem format.
                if (e.getStatus() == 404) {
                    problem(ctx, NO_SUCH_RESOURCE);
                    return;
                }
                HttpStatus status = HttpStatus.forStatus(e.getStatus());
                problem(ctx, Problem.of(e.getStatus(), "http-" + e.getStatus(), status.getMessage(),
                        "the request could not be handled (" + status.getMessage() + ")"));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                StackTraceElement[] frames = e.getStackTrace();
                if (e instanceof IllegalArgumentException && frames.length > 0
                        && frames[0].getClassName().equals("java.net.URLDecoder")) {
                    // Javalin decodes path parameters before any handler runs, and throws on a bad escape.
                    problem(ctx, BAD_ESCAPE);
                    return;
                }
                // The class and the first frame only: an exception's message may quote SQL arguments.
                LOG.error("internal error on {} {}: {} at {}", ctx.method(), loggedPath(ctx.path()), e.getClass().getName(),
                        frames.length > 0 ? frames[0] : "?");
                problem(ctx, Problem.of(500, "internal-error", "Internal error",
                        "the server could not complete the request; it has been logged without its content"));
            });
            config.routes.error(404, ctx -> {
                // A workspace page's own 404 (its HTML error page, no such case or policy) is left as it is.
                boolean page = String.valueOf(ctx.res().getContentType()).startsWith("text/html");
                if (ctx.attribute(PROBLEM) == null && !page) {
                    problem(ctx, NO_SUCH_RESOURCE);
                }
            });
            if (accessLog) {
                config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {}ms", ctx.method(), loggedPath(ctx.path()),
                        ctx.status().getCode(), String.format("%.1f", ms)));
            }
        });
    }

    /**
     * The path as the access log shows it: one of the API's own paths (a case id is a UUID), else a
     * placeholder, since a client may put anything in a path, clinical facts included.
     */
    static String loggedPath(String path) {
        return API_PATH.matcher(path).matches() || org.pumpauth.server.web.Workspace.isWorkspacePath(path)
                || FHIR_PATH.matcher(path).matches() ? path
                : "(a path outside the API)";
    }

    /**
     * Marks an error answer as complete, so that the server's 404 page does not replace it (the FHIR
     * module answers its own errors as OperationOutcomes).
     */
    public static void answered(Context ctx) {
        ctx.attribute(PROBLEM, Boolean.TRUE);
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.attribute(PROBLEM, Boolean.TRUE);
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(problem.toJson());
    }

    /** The case id of the path. A case id is a UUID; anything else names no case, and is not looked up. */
    private static String caseId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!CASE_ID.matcher(id).matches()) {
            throw new ServiceException.NotFound(NO_SUCH_CASE);
        }
        return id;
    }

    private Caller caller(Context ctx) {
        return keys.authenticate(bearer(ctx)).orElseThrow(() -> HttpProblem.unauthorized("the API key is not known"));
    }

    /** The key the Authorization header presents. */
    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpProblem.unauthorized("send an API key as Authorization: Bearer KEY");
        }
        return header.substring(7).trim();
    }

    private void evaluate(Context ctx) throws IOException {
        caller(ctx);
        byte[] body = Bodies.read(ctx, Bodies.JSON);
        byte[] json = CaseJson.evaluation(cases.evaluate(body));
        // The hot path writes straight to the response: Javalin's result stream would pass the bytes
        // through its compression check and copy them once more.
        ctx.contentType(JSON);
        ctx.res().setContentLength(json.length);
        ctx.res().getOutputStream().write(json);
    }

    private void submit(Context ctx) throws IOException {
        // The key's revocation is read in the transaction that stores the case, with its group's: one
        // query for the group, not one a request.
        ApiKeys.Identified key = keys.identify(bearer(ctx))
                .orElseThrow(() -> HttpProblem.unauthorized("the API key is not known"));
        CaseService.Submission submission;
        try {
            submission = cases.submit(key, Bodies.read(ctx, Bodies.JSON));
        } catch (ServiceException.Unauthorized e) {
            keys.forget(key.keyHash());
            throw e;
        }
        ReviewCase c = submission.reviewCase();
        ctx.status(submission.created() ? 201 : 200).header("Location", "/v1/cases/" + c.id());
        ctx.contentType(JSON).result(CaseJson.full(c, cases.clock().instant()));
    }

    private void get(Context ctx) {
        Caller caller = caller(ctx);
        ReviewCase c = cases.get(caller, caseId(ctx));
        ctx.contentType(JSON).result(CaseJson.full(c, cases.clock().instant(),
                java.util.Optional.of(cases.attachedNoteList(caller, c.id()))));
    }

    private void queue(Context ctx) {
        Caller caller = caller(ctx);
        List<InvalidRequestException.Problem> problems = new ArrayList<>();
        Optional<CaseStatus> status = Optional.ofNullable(ctx.queryParam("status")).flatMap(s -> {
            Optional<CaseStatus> found = CaseStatus.of(s);
            if (found.isEmpty()) {
                problems.add(new InvalidRequestException.Problem("status", "is not a case status; allowed: "
                        + CaseStatus.allowed()));
            }
            return found;
        });
        Optional<String> policy = Optional.ofNullable(ctx.queryParam("policy")).filter(p -> !p.isBlank());
        if (policy.isPresent() && !POLICY_FILTER.matcher(policy.get()).matches()) {
            // A policy id is short and plain; anything else matches no case, and NUL is refused by PostgreSQL.
            problems.add(new InvalidRequestException.Problem("policy", "must be a policy id (letters, digits, '.', '-', '_',"
                    + " '@'; at most 100 characters)"));
        }
        Optional<Instant> dueBefore = Optional.empty();
        String due = ctx.queryParam("dueBefore");
        if (due != null) {
            Optional<Instant> parsed = DateRange.instant(due);
            if (parsed.isEmpty()) {
                problems.add(new InvalidRequestException.Problem("dueBefore", "must be an instant " + DateRange.INSTANTS
                        + ", as 2026-03-01T00:00:00Z"));
            }
            dueBefore = parsed;
        }
        int limit = 100;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > CaseQuery.MAX_LIMIT) {
                problems.add(new InvalidRequestException.Problem("limit", "must be a whole number from 1 to " + CaseQuery.MAX_LIMIT));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<ReviewCase> queue = cases.queue(caller, new CaseQuery(status, policy, dueBefore, limit));
        ctx.contentType(JSON).result(CaseJson.queue(queue, cases.clock().instant()));
    }

    private void information(Context ctx) throws IOException {
        Caller caller = caller(ctx);
        byte[] patch = Bodies.read(ctx, Bodies.MERGE_PATCH);
        ReviewCase c = cases.addInformation(caller, caseId(ctx), patch);
        ctx.contentType(JSON).result(CaseJson.full(c, cases.clock().instant()));
    }

    private void letters(Context ctx) {
        Caller caller = caller(ctx);
        ctx.contentType(JSON).result(CaseJson.letters(cases.letters(caller, caseId(ctx))));
    }

    /** A letter as HTML (its stored content) or as PDF, rendered from that HTML on each request. */
    private void letter(Context ctx, boolean pdf) {
        Caller caller = caller(ctx);
        String id = caseId(ctx);
        String letterId = ctx.pathParam("letterId");
        if (!CASE_ID.matcher(letterId).matches()) {
            throw new ServiceException.NotFound("no such letter of this case");
        }
        IssuedLetter letter = cases.letter(caller, id, letterId);
        ctx.header("Content-Disposition", "inline; filename=\"letter-" + letterId + (pdf ? ".pdf" : ".html") + "\"");
        if (pdf) {
            ctx.contentType("application/pdf").result(LetterPdf.render(letter));
        } else {
            ctx.contentType("text/html; charset=utf-8").result(letter.html().content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void decision(Context ctx) throws IOException {
        step(ctx, cases::decide);
    }

    private void informationRequest(Context ctx) throws IOException {
        step(ctx, cases.steps()::requestInformation);
    }

    private void extension(Context ctx) throws IOException {
        step(ctx, cases.steps()::extend);
    }

    private void appeal(Context ctx) throws IOException {
        step(ctx, cases.steps()::appeal);
    }

    private void peerToPeer(Context ctx) throws IOException {
        step(ctx, cases.steps()::recordPeerToPeer);
    }

    private void proposal(Context ctx) throws IOException {
        step(ctx, cases::answerProposal);
    }

    /** A clinical note for the case: plain text or a PDF, read for the facts it proposes. */
    private void attachNote(Context ctx) throws IOException {
        Caller caller = caller(ctx);
        String id = caseId(ctx);
        byte[] body = Bodies.readRaw(ctx, Bodies.NOTE);
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        ReviewCase c = cases.attachNote(caller, id, media, body);
        ctx.contentType(JSON).result(CaseJson.full(c, cases.clock().instant(),
                java.util.Optional.of(cases.attachedNoteList(caller, id))));
    }

    /** A step on a case: a JSON body in, the case as it now stands out. */
    private interface CaseStep {
        ReviewCase apply(Caller caller, String id, byte[] body);
    }

    private void step(Context ctx, CaseStep step) throws IOException {
        Caller caller = caller(ctx);
        byte[] body = Bodies.read(ctx, Bodies.JSON);
        ReviewCase c = step.apply(caller, caseId(ctx), body);
        ctx.contentType(JSON).result(CaseJson.full(c, cases.clock().instant()));
    }
}
