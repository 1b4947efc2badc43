package org.pumpauth.fhir.crd;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.function.Function;
import org.pumpauth.fhir.FhirException;
import org.pumpauth.request.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CDS Hooks at {@code /cds-services}: discovery without a key, each service with the API key of
 * {@code /v1} (Authorization: Bearer KEY). Errors are JSON {@code {"error": ...}}; no body is logged.
 */
public final class CdsRoutes {
    private static final Logger LOG = LoggerFactory.getLogger("pumpauth.fhir");

    private CdsRoutes() {
    }

    public static void addRoutes(JavalinConfig config, Crd crd, Function<Context, ?> authenticate) {
        config.routes.addHttpHandler(HandlerType.GET, "/cds-services", ctx -> json(ctx, 200, crd.discovery()));
        config.routes.addHttpHandler(HandlerType.POST, "/cds-services/{id}", ctx -> {
            try {
                authenticate.apply(ctx);
                json(ctx, 200, crd.call(ctx.pathParam("id"), ctx.bodyAsBytes()));
            } catch (Crd.HookException e) {
                error(ctx, e.status(), e.getMessage());
            } catch (FhirException e) {
                if (e.status() == 401) {
                    ctx.header("WWW-Authenticate", "Bearer");
                }
                error(ctx, e.status(), e.getMessage());
            } catch (InvalidRequestException e) {
                error(ctx, 422, "the order makes no valid review request: " + e.problems().stream()
                        .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
            } catch (RuntimeException e) {
                StackTraceElement[] frames = e.getStackTrace();
                LOG.error("internal error on POST /cds-services: {} at {}", e.getClass().getName(),
                        frames.length > 0 ? frames[0] : "?");
                error(ctx, 500, "the service could not complete the request; it has been logged without its content");
            }
        });
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", message);
        json(ctx, status, body);
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        org.pumpauth.server.http.HttpApi.answered(ctx);
        ctx.status(status).contentType("application/json;charset=utf-8").result(body.toString());
    }
}
