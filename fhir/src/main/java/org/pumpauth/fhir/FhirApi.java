package org.pumpauth.fhir;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.pumpauth.fhir.crd.CdsRoutes;
import org.pumpauth.fhir.crd.Crd;
import org.pumpauth.fhir.dtr.Dtr;
import org.pumpauth.fhir.dtr.NextQuestion;
import org.pumpauth.fhir.pas.PasOperations;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR R4 API at {@code /fhir}: its routes, the bearer keys of {@code /v1}, and every error as an
 * {@code OperationOutcome}. Handlers are thin: they read the exchange and call the PAS, CRD or DTR
 * classes. Log lines never carry a body.
 */
final class FhirApi implements AutoCloseable {
    static final String BASE = "/fhir";
    private static final Logger LOG = LoggerFactory.getLogger("pumpauth.fhir");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final ReviewService service;
    private final Payers payers;
    private final Dtr dtr;
    private final PasOperations pas;

    /** A FHIR handler: answers a resource, or throws {@link FhirException}. */
    interface Handler {
        void handle(Context ctx) throws Exception;
    }

    FhirApi(ReviewService service, Payers payers) {
        this.service = service;
        this.payers = payers;
        this.dtr = new Dtr(service.cases().policies(), payers, service.cases().clock());
        this.pas = new PasOperations(service.database().jdbi(), service.cases(), payers, java.time.Duration.ofMillis(
                Long.getLong("pumpauth.fhir.notificationPollMillis", 500)));
    }

    /** The routes, path by path: a known path asked with another method is a 405; an unknown one a 404. */
    Map<String, Map<String, Handler>> routes() {
        Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();
        routes.put(BASE + "/metadata", Map.of("GET", ctx -> respond(ctx, 200, Capability.statement())));
        // DTR (org.pumpauth.fhir.dtr): the operations before Questionnaire/{id}, which would match them.
        routes.put(BASE + "/Questionnaire/$questionnaire-package", Map.of("POST", ctx -> {
            caller(ctx);
            respond(ctx, 200, dtr.questionnairePackage(Dtr.parse(ctx.bodyAsBytes())));
        }));
        routes.put(BASE + "/Questionnaire/$next-question", Map.of("POST", ctx -> {
            caller(ctx);
            respond(ctx, 200, new NextQuestion(dtr).next(Dtr.parse(ctx.bodyAsBytes())));
        }));
        routes.put(BASE + "/Questionnaire/{id}", Map.of("GET", ctx -> {
            caller(ctx);
            respond(ctx, 200, dtr.read(ctx.pathParam("id")));
        }));
        routes.put(BASE + "/Claim/$submit", Map.of("POST", ctx -> respond(ctx, 200, submit(ctx))));
        routes.put(BASE + "/Claim/$inquire", Map.of("POST", ctx -> respond(ctx, 200, pas.inquire(caller(ctx), body(ctx)))));
        routes.put(BASE + "/Subscription", Map.of("POST", ctx -> respond(ctx, 201, pas.subscribe(caller(ctx), body(ctx)))));
        return routes;
    }

    void addRoutes(JavalinConfig config) {
        CdsRoutes.addRoutes(config, new Crd(dtr), this::caller);
        routes().forEach((path, handlers) -> {
            String allow = String.join(", ", new TreeSet<>(handlers.keySet()));
            for (String method : METHODS) {
                Handler handler = handlers.get(method);
                config.routes.addHttpHandler(new HandlerType(method), path, handler != null ? ctx -> guarded(ctx, path, handler)
                        : ctx -> {
                            ctx.header("Allow", allow);
                            outcome(ctx, new FhirException(405, IssueType.NOTSUPPORTED, "",
                                    "this path answers " + allow + " only"));
                        });
            }
        });
        for (String method : METHODS) {
            config.routes.addHttpHandler(new HandlerType(method), BASE + "/*", ctx -> outcome(ctx,
                    new FhirException(404, IssueType.NOTFOUND, "", "no such FHIR interaction here; GET " + BASE
                            + "/metadata lists what is supported")));
        }
    }

    /** The request body, which must be FHIR JSON. */
    static byte[] body(Context ctx) {
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!media.equals(Fhir.MEDIA_TYPE) && !media.equals("application/json")) {
            throw new FhirException(415, IssueType.NOTSUPPORTED, "", "send the body as " + Fhir.MEDIA_TYPE);
        }
        return ctx.bodyAsBytes();
    }

    /**
     * {@code Claim/$submit} as {@code POST /v1/cases} takes a key: remembered once the database knew it, its
     * revocation read in the transaction that stores the case; a key revoked by then is a 401, and is forgotten.
     */
    private org.hl7.fhir.r4.model.Bundle submit(Context ctx) {
        String key = bearer(ctx);
        ApiKeys.Identified identified = service.keys().identify(key).orElseThrow(FhirApi::unknownKey);
        byte[] body = body(ctx);
        try {
            return pas.submit(identified, () -> service.keys().authenticate(key).orElseThrow(FhirApi::unknownKey), body);
        } catch (ServiceException.Unauthorized e) {
            service.keys().forget(identified.keyHash());
            throw unknownKey();
        }
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new FhirException(401, IssueType.LOGIN, "", "send an API key as Authorization: Bearer KEY");
        }
        return header.substring(7).trim();
    }

    private static FhirException unknownKey() {
        return new FhirException(401, IssueType.LOGIN, "", "the API key is not known");
    }

    /** The caller of a bearer key, as on {@code /v1}; else a 401 outcome. */
    Caller caller(Context ctx) {
        return service.keys().authenticate(bearer(ctx)).orElseThrow(FhirApi::unknownKey);
    }

    private static void guarded(Context ctx, String path, Handler handler) {
        try {
            handler.handle(ctx);
        } catch (FhirException e) {
            outcome(ctx, e);
        } catch (InvalidRequestException e) {
            // The review request made from FHIR breaks the contract: the contract's field paths, one issue each.
            org.hl7.fhir.r4.model.OperationOutcome outcome = new org.hl7.fhir.r4.model.OperationOutcome();
            for (InvalidRequestException.Problem p : e.problems()) {
                outcome.addIssue().setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR)
                        .setCode(IssueType.INVALID).setDiagnostics(p.field() + ": " + p.message());
            }
            respond(ctx, 422, outcome);
        } catch (ServiceException e) {
            if (e.status() == 503) {
                ctx.header("Retry-After", "1");
            }
            IssueType code = e.status() == 404 ? IssueType.NOTFOUND : e.status() == 403 ? IssueType.FORBIDDEN
                    : e.status() == 409 ? IssueType.CONFLICT : e.status() >= 500 ? IssueType.TRANSIENT : IssueType.PROCESSING;
            outcome(ctx, new FhirException(e.status(), code, "", e.getMessage()));
        } catch (Exception e) {
            StackTraceElement[] frames = e.getStackTrace();
            // The class and the first frame only: a message may quote the request.
            LOG.error("internal error on {} {}: {} at {}", ctx.method(), path,
                    e.getClass().getName(), frames.length > 0 ? frames[0] : "?");
            outcome(ctx, new FhirException(500, IssueType.EXCEPTION, "",
                    "the server could not complete the request; it has been logged without its content"));
        }
    }

    static void outcome(Context ctx, FhirException e) {
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        respond(ctx, e.status(), Outcomes.of(e));
    }

    static void respond(Context ctx, int status, IBaseResource resource) {
        org.pumpauth.server.http.HttpApi.answered(ctx);
        ctx.status(status).contentType(Fhir.MEDIA_TYPE + ";charset=utf-8").result(Fhir.json().encodeResourceToString(resource));
    }

    @Override
    public void close() {
        pas.close();
    }
}
