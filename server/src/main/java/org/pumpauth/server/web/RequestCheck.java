package org.pumpauth.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.checklist.Checklist;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.determination.Outcome;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.http.WellFormedJson;

/**
 * Checks a request before it is sent, at {@code /check}, for every signed-in role: a request pasted or
 * uploaded as a JSON file is evaluated as {@code POST /v1/evaluate} evaluates it (the same service call,
 * the same messages for an invalid request), with the checklist of its pathway ({@code pumpauth checklist})
 * and its outcome under every policy in force ({@code pumpauth compare}). Nothing is stored or logged.
 */
public final class RequestCheck {
    /** The largest request the API takes (its body limit), pasted or uploaded. */
    static final int MAX_BYTES = 1024 * 1024;

    private final CaseService cases;
    private final Review review;
    private final SourcePassages sources;
    private final Pages pages;

    RequestCheck(CaseService cases, SourcePassages sources, Pages pages) {
        this.cases = cases;
        this.review = cases.review();
        this.sources = sources;
        this.pages = pages;
    }

    /**
     * A form with a file is at most 4 MiB: the check reads 1 MiB of a file (the API's body limit) and says so
     * when it is longer; what is beyond 4 MiB is not read at all.
     */
    static void limitUploads(io.javalin.config.JavalinConfig config) {
        config.jetty.multipartConfig.maxFileSize(4, io.javalin.config.SizeUnit.MB);
        config.jetty.multipartConfig.maxTotalRequestSize(4, io.javalin.config.SizeUnit.MB);
    }

    /**
     * Reads the form before {@code next} (the signed-in check) does: a form over the upload limit, or one that
     * is not a readable multipart form, is answered here with 413 or 400 instead of the internal error the
     * servlet's exception would become.
     */
    io.javalin.http.Handler readable(io.javalin.http.Handler next) {
        return ctx -> {
            try {
                ctx.formParamMap();
            } catch (Exception e) {
                boolean tooLarge = false;
                for (Throwable t = e; t != null && !tooLarge; t = t.getCause()) {
                    // Jetty's multipart parser: "max length exceeded: N", "max file size exceeded", ...
                    tooLarge = t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("exceeded");
                }
                ctx.header("Content-Security-Policy", Workspace.CSP);
                ctx.header("Cache-Control", "no-store");
                pages.render(ctx, tooLarge ? 413 : 400, "error.jte", new Workspace.ErrorPage(
                        new Chrome("Not checked", Optional.empty(), Optional.empty(), ""), tooLarge
                                ? "file: at most 1 MiB (" + MAX_BYTES + " bytes); this form was over 4 MiB and was not read."
                                : "The form could not be read. Go back, reload the page and send it again."));
                return;
            }
            next.handle(ctx);
        };
    }

    /** The page: what was pasted (kept beside any errors), and what the check found. */
    public record CheckPage(Chrome chrome, String pasted, List<String> errors, Optional<Result> result) {}

    /** What a request would get: its determinations, each pathway's checklist, and the comparison across policies. */
    public record Result(String requestId, List<Evaluated> determinations, List<ChecklistView> checklists,
            List<Compared> comparison) {}

    /** A determination as the case page shows one. */
    public record Evaluated(String policy, String title, String outcome, Optional<String> pathway, List<String> reasons,
            List<CasePage.Missing> missing, List<String> warnings, Optional<CasePage.Criterion> criteria) {}

    /** The documentation a pathway needs; {@code note} says why there is none. */
    public record ChecklistView(String policy, String title, Optional<String> pathway, Optional<String> note,
            List<Item> items, List<String> policyDocumentation) {}

    /** A criterion of a checklist and what documents it. */
    public record Item(String criterion, String text, String citation, List<CasePage.Missing> documentation) {}

    /** One policy's outcome in the comparison, and what would change it. */
    public record Compared(String policy, String version, String outcome, String pathway, List<String> changes) {}

    void form(Context ctx, Sessions.Session session) {
        pages.render(ctx, 200, "check.jte", new CheckPage(Pages.chrome("Check a request", session), "", List.of(),
                Optional.empty()));
    }

    void check(Context ctx, Sessions.Session session) throws IOException {
        Chrome chrome = Pages.chrome("Check a request", session);
        UploadedFile file = ctx.uploadedFile("file");
        byte[] body;
        if (file != null && file.size() > 0) {
            if (file.size() > MAX_BYTES) {
                show(ctx, 413, new CheckPage(chrome, "", List.of("file: at most 1 MiB (" + MAX_BYTES + " bytes)"),
                        Optional.empty()));
                return;
            }
            try (InputStream in = file.content()) {
                body = in.readNBytes(MAX_BYTES + 1);
            }
        } else {
            body = Optional.ofNullable(ctx.formParam("request")).orElse("").getBytes(StandardCharsets.UTF_8);
        }
        // What is shown again in the text area: the file's text when one was sent, so it can be corrected there.
        String pasted = new String(body, StandardCharsets.UTF_8);
        if (body.length > MAX_BYTES) {
            show(ctx, 413, new CheckPage(chrome, "", List.of("request: at most 1 MiB (" + MAX_BYTES + " bytes)"),
                    Optional.empty()));
            return;
        }
        if (pasted.isBlank()) {
            show(ctx, 400, new CheckPage(chrome, pasted, List.of("request: paste a request as JSON or choose a .json file"),
                    Optional.empty()));
            return;
        }
        try {
            WellFormedJson.check(body);
            List<Determination> determinations = cases.evaluate(body);
            ReviewRequest request = new RequestReader().read(body);
            LocalDate today = LocalDate.ofInstant(cases.clock().instant(), ZoneOffset.UTC);
            show(ctx, 200, new CheckPage(chrome, pasted, List.of(), Optional.of(new Result(request.requestId(),
                    determinations.stream().map(this::evaluated).toList(), checklists(determinations, request, body),
                    review.compare(request, today).stream().map(RequestCheck::compared).toList()))));
        } catch (InvalidRequestException e) {
            List<String> errors = new ArrayList<>();
            e.problems().forEach(p -> errors.add((p.field().isEmpty() ? "" : p.field() + ": ") + p.message()));
            show(ctx, 400, new CheckPage(chrome, pasted, errors, Optional.empty()));
        }
    }

    private void show(Context ctx, int status, CheckPage page) {
        pages.render(ctx, status, "check.jte", page);
    }

    private Evaluated evaluated(Determination d) {
        JsonNode json = QueuePage.read(DeterminationJson.toJson(d));
        Optional<CasePage.Criterion> tree = json.has("criteria")
                ? Optional.of(CasePage.criterion(json.path("criteria"), sources)) : Optional.empty();
        return new Evaluated(d.policy().toString(), d.policy().title(), d.outcome().name(), d.pathway(), d.reasons(),
                missing(d.missingInformation()), d.warnings(), tree);
    }

    private static List<CasePage.Missing> missing(List<MissingInformation> missing) {
        return missing.stream().map(m -> new CasePage.Missing(m.field(), m.request())).toList();
    }

    /** The checklist of each policy version the request was evaluated under, for its service kind and indication. */
    private List<ChecklistView> checklists(List<Determination> determinations, ReviewRequest request, byte[] body) {
        String indication = QueuePage.read(new String(body, StandardCharsets.UTF_8)).path("indication").path("category")
                .asText("");
        List<ChecklistView> views = new ArrayList<>();
        for (Determination d : determinations) {
            Optional<PolicyVersion> version = d.policy().version().flatMap(date -> review.registry().policy(d.policy().id())
                    .flatMap(p -> p.versions().stream().filter(v -> v.effectiveFrom().equals(date)).findFirst()));
            if (version.isEmpty()) {
                views.add(note(d, "no version of this policy is in force on the service date"));
            } else if (indication.isEmpty()) {
                views.add(note(d, "the checklist follows from service.kind and indication.category: send indication.category"));
            } else {
                Optional<Checklist> found = Checklist.of(version.get(), request.serviceKind(), indication);
                views.add(found.map(RequestCheck::view).orElseGet(() -> note(d, version.get().key()
                        + " has no pathway for a " + request.serviceKind() + " for " + indication)));
            }
        }
        return views;
    }

    private static ChecklistView note(Determination d, String why) {
        return new ChecklistView(d.policy().toString(), d.policy().title(), Optional.empty(), Optional.of(why), List.of(),
                List.of());
    }

    private static ChecklistView view(Checklist c) {
        List<Item> items = c.items().stream().map(i -> new Item(i.criterion(), i.text(), i.citation(), missing(i.documentation())))
                .toList();
        List<String> documentation = new ArrayList<>();
        flatten(c.policyDocumentation(), "", documentation);
        return new ChecklistView(c.version().key(), c.version().title(),
                Optional.of(c.pathway().id() + ": " + c.pathway().text()),
                c.pathway().outcome().map(o -> "The policy gives this pathway the outcome " + o + ": no documentation decides it."),
                items, documentation);
    }

    /** The policy's own documentation list, each sub-entry after its entry (marked with a dash per level). */
    private static void flatten(List<org.pumpauth.policy.DocumentationItem> entries, String prefix, List<String> out) {
        for (org.pumpauth.policy.DocumentationItem entry : entries) {
            out.add(prefix + entry.text());
            flatten(entry.items(), prefix + "– ", out);
        }
    }

    private static Compared compared(Determination d) {
        List<String> changes = new ArrayList<>();
        if (d.outcome() != Outcome.MEETS_CRITERIA) {
            changes.addAll(d.reasons());
            d.missingInformation().forEach(m -> changes.add("send " + m.field() + ": " + m.request()));
        }
        return new Compared(d.policy().id(), d.policy().version().map(LocalDate::toString).orElse("none in force"),
                d.outcome().name(), d.pathway().orElse("-"), changes);
    }
}
