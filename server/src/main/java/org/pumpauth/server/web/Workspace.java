package org.pumpauth.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.cases.CaseQuery;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.cases.CaseStatus;
import org.pumpauth.server.cases.ReviewCase;
import org.pumpauth.server.cases.Urgency;

/**
 * The reviewers' and provider offices' web workspace at {@code /}: sign-in with an API key, the queue,
 * the case page and its actions. Every action calls the same {@link CaseService} code as the API
 * under {@code /v1}. Pages are rendered on the server from precompiled JTE templates, which escape
 * every value; the only script is htmx, served from its webjar.
 */
public final class Workspace {
    static final String SESSION_COOKIE = "pumpauth_session";
    static final String LOGIN_COOKIE = "pumpauth_login";
    static final int PAGE_SIZE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CASE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LETTER_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    /** Only the workspace's own script and styles; no inline script, no frames, forms post only here. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The case page's actions: path segment, and whether it changes the case (all do). */
    private static final List<String> ACTIONS = List.of("approve", "deny", "extend", "appeal", "peer-to-peer", "information",
            "request-information", "proposal");

    private final CaseService cases;
    private final Sessions sessions;
    private final Jdbi jdbi;
    private final LetterIndex letters;
    private final SourcePassages sources = new SourcePassages();
    private final LetterPdfs letterPdfs;
    private final PolicyPages policies;
    private final List<String> policyIds;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final KeysAdmin keysAdmin;
    private final RequestCheck requestCheck;

    public Workspace(CaseService cases, ApiKeys keys, Jdbi jdbi, List<String> policyIds, LetterIndex letters) {
        this.policyIds = List.copyOf(policyIds);
        this.cases = cases;
        this.sessions = new Sessions(jdbi, keys, cases.clock());
        this.jdbi = jdbi;
        this.letters = letters;
        this.letterPdfs = new LetterPdfs(cases);
        this.policies = new PolicyPages(cases.policies(), sources);
        this.keysAdmin = new KeysAdmin(keys, sessions, new Pages());
        this.requestCheck = new RequestCheck(cases, sources, new Pages());
    }

    /** A page or form handler of a signed-in session. */
    private interface Page {
        void handle(Context ctx, Sessions.Session session) throws IOException;
    }

    /** Adds the workspace's routes; a known path asked with another method is a 405 naming the allowed ones. */
    public void addRoutes(JavalinConfig config) {
        Map<String, Map<String, io.javalin.http.Handler>> routes = new java.util.LinkedHashMap<>();
        routes.put("/login", Map.of("GET", this::loginForm, "POST", this::signIn));
        routes.put("/logout", Map.of("POST", signedIn(this::signOut)));
        routes.put("/", Map.of("GET", signedIn(this::queue)));
        routes.put("/cases/{id}", Map.of("GET", signedIn(this::casePage)));
        routes.put("/cases/{id}/letters/{letter}", Map.of("GET", signedIn(this::letter)));
        routes.put("/cases/{id}/letters/{letter}/pdf", Map.of("GET", signedIn(letterPdfs::pdf)));
        for (String action : ACTIONS) {
            routes.put("/cases/{id}/" + action, Map.of("POST", signedIn((ctx, s) -> act(ctx, s, action))));
        }
        routes.put("/cases/{id}/notes", Map.of("POST", requestCheck.readable(signedIn(this::attachNote))));
        routes.put("/policies", Map.of("GET", signedIn((ctx, s) -> view(ctx, policies.list(t -> chrome(t, s))))));
        routes.put("/policies/{id}/versions/{version}", Map.of("GET", signedIn((ctx, s) -> view(ctx,
                policies.version(t -> chrome(t, s), ctx.pathParam("id"), ctx.pathParam("version"))))));
        routes.put("/policies/{id}/diff", Map.of("GET", signedIn((ctx, s) -> view(ctx, policies.diff(t -> chrome(t, s),
                ctx.pathParam("id"), Optional.ofNullable(ctx.queryParam("from")), Optional.ofNullable(ctx.queryParam("to")))))));
        routes.put("/admin/keys", Map.of("GET", signedIn(keysAdmin::list), "POST", signedIn(keysAdmin::create)));
        routes.put("/check", Map.of("GET", signedIn(requestCheck::form), "POST",
                requestCheck.readable(signedIn(requestCheck::check))));
        routes.put("/admin/keys/revoke", Map.of("POST", signedIn(keysAdmin::revoke)));
        routes.put("/assets/htmx.min.js", Map.of("GET", ctx -> asset(ctx, HTMX, "text/javascript")));
        routes.put("/assets/web.css", Map.of("GET", ctx -> asset(ctx, "/org/pumpauth/server/web/web.css", "text/css")));
        RequestCheck.limitUploads(config);
        routes.forEach((path, handlers) -> {
            String allow = String.join(", ", new java.util.TreeSet<>(handlers.keySet()));
            for (String method : METHODS) {
                io.javalin.http.Handler handler = handlers.get(method);
                config.routes.addHttpHandler(new HandlerType(method), path, handler != null ? handler : ctx -> {
                    headers(ctx);
                    ctx.header("Allow", allow);
                    // The same problem document as the API's errors: a program sent it, not a person's browser.
                    ctx.status(405).contentType("application/problem+json").result("{\"type\":\"urn:pumpauth:problem:"
                            + "method-not-allowed\",\"title\":\"Method not allowed\",\"status\":405,\"detail\":"
                            + "\"this path answers " + allow + " only\"}");
                });
            }
        });
    }

    /** Whether a path is one of the workspace's, as the access log may show it (a case id is a UUID). */
    public static boolean isWorkspacePath(String path) {
        return path.equals("/") || path.equals("/login") || path.equals("/logout") || path.equals("/assets/htmx.min.js")
                || path.equals("/assets/web.css") || PolicyPages.isPolicyPath(path)
                || path.equals("/admin/keys") || path.equals("/admin/keys/revoke")
                || path.equals("/check")
                || path.matches("/cases/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(/[a-z-]+)?")
                || path.matches("/cases/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/letters/[A-Za-z0-9_-]{1,100}(/pdf)?");
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    private io.javalin.http.Handler signedIn(Page page) {
        return ctx -> {
            headers(ctx);
            Optional<Sessions.Session> session = Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).flatMap(sessions::find);
            if (session.isEmpty()) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
                return;
            }
            if (ctx.method().name().equals("POST") && !same(ctx.formParam("csrf"), session.get().csrf())) {
                render(ctx, 403, "error.jte", new ErrorPage(chrome("Form expired", session.get()),
                        "This form has expired or did not come from this workspace. Go back, reload the page and send it again."));
                return;
            }
            try {
                page.handle(ctx, session.get());
            } catch (ServiceException.NotFound e) {
                render(ctx, 404, "error.jte", new ErrorPage(chrome("Not found", session.get()), e.getMessage()));
            }
        };
    }

    static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Chrome chrome(String title, Sessions.Session s) {
        return new Chrome(title, Optional.of(s.caller().name()), Optional.of(s.caller().role().code()), s.csrf());
    }

    /** The page that asks for an API key. Its form carries a token also set as a cookie (the sign-in's CSRF guard). */
    private void loginForm(Context ctx) {
        headers(ctx);
        if (Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).flatMap(sessions::find).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        showLogin(ctx, 200, Optional.empty());
    }

    private void showLogin(Context ctx, int status, Optional<String> error) {
        String token = Sessions.randomToken();
        setCookie(ctx, LOGIN_COOKIE, token, "/login");
        render(ctx, status, "login.jte", new LoginPage(new Chrome("Sign in", Optional.empty(), Optional.empty(), token), error));
    }

    private void signIn(Context ctx) {
        headers(ctx);
        String cookie = ctx.cookie(LOGIN_COOKIE);
        if (cookie == null || !same(ctx.formParam("csrf"), cookie)) {
            showLogin(ctx, 403, Optional.of("The sign-in form had expired. Enter your key again."));
            return;
        }
        String key = Optional.ofNullable(ctx.formParam("key")).orElse("").strip();
        Optional<Sessions.Session> session = key.isEmpty() ? Optional.empty() : sessions.signIn(key);
        if (session.isEmpty()) {
            showLogin(ctx, 401, Optional.of("key: this API key is not known or has been revoked. Ask your administrator"
                    + " for a key (pumpauth keys create)."));
            return;
        }
        clearCookie(ctx, LOGIN_COOKIE, "/login");
        setCookie(ctx, SESSION_COOKIE, session.get().token(), "/");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx, Sessions.Session session) {
        sessions.end(session.token());
        clearCookie(ctx, SESSION_COOKIE, "/");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private static void setCookie(Context ctx, String name, String value, String path) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (secure(ctx) ? "; Secure" : ""));
    }

    private static void clearCookie(Context ctx, String name, String path) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure(ctx) ? "; Secure" : ""));
    }

    /** Served over HTTPS, directly or (as a proxy says) in front of this server. */
    private static boolean secure(Context ctx) {
        return ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private void queue(Context ctx, Sessions.Session session) {
        Caller caller = session.caller();
        String statusParam = Optional.ofNullable(ctx.queryParam("status")).orElse("open");
        Optional<CaseStatus> status = CaseStatus.of(statusParam);
        if (status.isEmpty() && !statusParam.equals("all")) {
            statusParam = "open";
        }
        String policyParam = Optional.ofNullable(ctx.queryParam("policy")).filter(p -> POLICY.matcher(p).matches()).orElse("");
        Optional<Urgency> urgency = Optional.ofNullable(ctx.queryParam("urgency")).flatMap(Urgency::parse);
        int page = 1;
        try {
            page = Math.max(1, Math.min(10_000, Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("1"))));
        } catch (NumberFormatException e) {
            page = 1;
        }
        CaseQuery query = new CaseQuery(status, statusParam.equals("open"), QueuePage.nonEmpty(policyParam), urgency,
                Optional.empty(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        List<ReviewCase> found = cases.queue(caller, query);
        java.time.Instant now = cases.clock().instant();
        List<QueuePage.Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(PAGE_SIZE, found.size()); i++) {
            rows.add(QueuePage.row(found.get(i), now));
        }
        QueuePage model = new QueuePage(chrome("Queue", session), rows,
                QueuePage.counts(cases.countByStatus(caller), statusParam),
                new QueuePage.Filters(statusParam, policyParam, urgency.map(Urgency::code).orElse("")),
                policyIds, page, found.size() > PAGE_SIZE);
        // htmx asks for the results only when a filter changes; a plain request gets the whole page.
        render(ctx, 200, "true".equals(ctx.header("HX-Request")) ? "queueResults.jte" : "queue.jte", model);
    }

    private String caseId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!CASE_ID.matcher(id).matches()) {
            throw new ServiceException.NotFound("no such case, or not one this key may see");
        }
        return id;
    }

    private void casePage(Context ctx, Sessions.Session session) {
        ReviewCase c = cases.get(session.caller(), caseId(ctx));
        render(ctx, 200, "case.jte", casePage(session, c, List.of()));
    }

    CasePage casePage(Sessions.Session session, ReviewCase c, List<String> errors) {
        java.time.Instant now = cases.clock().instant();
        JsonNode latest = c.latest().map(d -> QueuePage.read(d.json())).orElse(JSON.createObjectNode());
        Optional<CasePage.Criterion> tree = latest.has("criteria")
                ? Optional.of(CasePage.criterion(latest.path("criteria"), sources)) : Optional.empty();
        List<CasePage.Missing> missing = new ArrayList<>();
        latest.path("missingInformation").forEach(m -> missing.add(new CasePage.Missing(m.path("field").asText(),
                m.path("request").asText())));
        List<String> reasons = new ArrayList<>();
        latest.path("reasons").forEach(r -> reasons.add(r.asText()));
        JsonNode request = QueuePage.read(c.requestJson());
        InformationForm form = InformationForm.of(missing.stream().map(CasePage.Missing::field).toList(), request);
        Map<String, String> attached = new java.util.HashMap<>();
        if (latest.has("proposedFacts")) {
            cases.attachedNotes(session.caller(), c.id()).forEach(n -> attached.put(n.source(), n.text()));
        }
        return new CasePage(chrome("Case " + c.requestId(), session), QueuePage.row(c, now),
                CasePage.fields(request),
                QueuePage.nonEmpty(latest.path("outcome").asText(null)), QueuePage.nonEmpty(latest.path("pathway").asText(null)),
                tree, missing, CasePage.proposals(latest, request, attached),
                QueuePage.nonEmpty(latest.path("outcomeIfConfirmed").asText(null)), reasons,
                History.of(c, jdbi.withHandle(h -> AuditLog.ofCase(h, c.id()))),
                letters.list(c.id()), form, CasePage.actions(session.caller(), c, tree, form), errors,
                InformationRequests.of(cases.steps().informationRequests(session.caller(), c.id())),
                PolicyPages.href(latest.path("policy").path("id").asText(""),
                        QueuePage.nonEmpty(latest.path("policy").path("version").asText(null))),
                cases.attachedNoteList(session.caller(), c.id()));
    }

    /**
     * A letter of the case, as the letters index gives it: shown in the browser, or with
     * {@code ?download=1} saved as a file. Its styles may be its own; it may run no script.
     */
    private void letter(Context ctx, Sessions.Session session) {
        String id = caseId(ctx);
        ReviewCase c = cases.get(session.caller(), id);
        String letterId = ctx.pathParam("letter");
        Optional<String> html = LETTER_ID.matcher(letterId).matches() ? letters.html(c.id(), letterId) : Optional.empty();
        if (html.isEmpty()) {
            throw new ServiceException.NotFound("no such letter for this case");
        }
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
                + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        if ("1".equals(ctx.queryParam("download"))) {
            ctx.header("Content-Disposition", "attachment; filename=\"letter-" + letterId + ".html\"");
        }
        ctx.status(200).contentType("text/html; charset=utf-8").result(html.get());
    }

    /** An action form on the case page: its fields become the API's JSON body for the same service call. */
    private void act(Context ctx, Sessions.Session session, String action) {
        String id = caseId(ctx);
        Caller caller = session.caller();
        try {
            if (action.equals("information")) {
                // The form the page showed, rebuilt from the case as it stands, reads only its own inputs.
                CasePage page = casePage(session, cases.get(caller, id), List.of());
                byte[] patch = page.informationForm().patch(ctx.formParamMap(), QueuePage.read(cases.get(caller, id).requestJson()));
                cases.addInformation(caller, id, patch);
                ctx.redirect("/cases/" + id, HttpStatus.SEE_OTHER);
                return;
            }
            byte[] body = Forms.body(action, ctx.formParamMap());
            switch (action) {
                case "approve":
                case "deny":
                    cases.decide(caller, id, body);
                    break;
                case "extend":
                    cases.steps().extend(caller, id, body);
                    break;
                case "appeal":
                    cases.steps().appeal(caller, id, body);
                    break;
                case "peer-to-peer":
                    cases.steps().recordPeerToPeer(caller, id, body);
                    break;
                case "request-information":
                    cases.steps().requestInformation(caller, id, body);
                    break;
                case "proposal":
                    cases.answerProposal(caller, id, body);
                    break;
                default:
                    throw new ServiceException.NotFound("no such action");
            }
            ctx.redirect("/cases/" + id, HttpStatus.SEE_OTHER);
        } catch (InvalidRequestException e) {
            List<String> errors = new ArrayList<>();
            e.problems().forEach(p -> errors.add(action + ": " + (p.field().isEmpty() ? "" : p.field() + ": ") + p.message()));
            render(ctx, 400, "case.jte", casePage(session, cases.get(caller, id), errors));
        } catch (ServiceException.Forbidden | ServiceException.Conflict e) {
            render(ctx, e.status(), "case.jte", casePage(session, cases.get(caller, id), List.of(action + ": " + e.getMessage())));
        }
    }

    /**
     * The case page's note form: a file (PDF or text) or the text typed in, attached as the API's
     * {@code POST /v1/cases/{id}/notes} does; the case is evaluated again with it.
     */
    private void attachNote(Context ctx, Sessions.Session session) throws IOException {
        String id = caseId(ctx);
        Caller caller = session.caller();
        io.javalin.http.UploadedFile file = ctx.uploadedFile("file");
        String media;
        byte[] body;
        if (file != null && file.size() > 0) {
            String name = file.filename().toLowerCase(java.util.Locale.ROOT);
            String type = Optional.ofNullable(file.contentType()).orElse("").toLowerCase(java.util.Locale.ROOT);
            media = name.endsWith(".pdf") || type.startsWith("application/pdf") ? "application/pdf" : "text/plain";
            try (InputStream in = file.content()) {
                body = in.readNBytes(NOTE_BYTES + 1);
            }
        } else {
            media = "text/plain";
            body = Optional.ofNullable(ctx.formParam("text")).orElse("").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (body.length > NOTE_BYTES) {
            render(ctx, 413, "case.jte", casePage(session, cases.get(caller, id),
                    List.of("note: at most 1 MiB (" + NOTE_BYTES + " bytes), as the API takes")));
            return;
        }
        try {
            cases.attachNote(caller, id, media, body);
            ctx.redirect("/cases/" + id + "#notes", HttpStatus.SEE_OTHER);
        } catch (InvalidRequestException e) {
            List<String> errors = new ArrayList<>();
            // The API names the body; here the note is the file or the text typed in.
            e.problems().forEach(p -> errors.add("note: " + p.message()));
            render(ctx, 400, "case.jte", casePage(session, cases.get(caller, id), errors));
        } catch (ServiceException.Forbidden | ServiceException.Conflict e) {
            render(ctx, e.status(), "case.jte", casePage(session, cases.get(caller, id), List.of("note: " + e.getMessage())));
        }
    }

    /** The largest note the page attaches: the API's body limit. */
    private static final int NOTE_BYTES = 1024 * 1024;

    private void asset(Context ctx, String resource, String type) throws IOException {
        try (InputStream in = Workspace.class.getResourceAsStream(resource)) {
            if (in == null) {
                ctx.status(404).result("");
                return;
            }
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType(type + "; charset=utf-8").result(in.readAllBytes());
        }
    }

    private void view(Context ctx, PolicyPages.View view) {
        render(ctx, view.status(), view.template(), view.model());
    }

    private void render(Context ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    private static String htmxVersion() {
        try (InputStream in = Workspace.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "2.0.10");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sign-in page: the frame, and what went wrong with the last attempt. */
    public record LoginPage(Chrome chrome, Optional<String> error) {}

    /** A page that says what went wrong, without repeating anything sent. */
    public record ErrorPage(Chrome chrome, String message) {}

    static Set<String> actions() {
        return Set.copyOf(ACTIONS);
    }
}
