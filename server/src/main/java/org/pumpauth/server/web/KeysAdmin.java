package org.pumpauth.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;

/**
 * The administrator's keys page at {@code /admin/keys}: every API key (never the key itself, which is not
 * stored), a form that creates one and shows it once, and revocation after a confirmation step. It calls
 * the same {@link ApiKeys} code as {@code pumpauth keys}, which records each listing, creation and
 * revocation in the audit trail with the signed-in admin's key name as the actor. A revoked key's
 * workspace sessions are ended with it. Only the admin role sees the page or its link.
 */
public final class KeysAdmin {
    /** A key name as the audit trail takes it: 1 to 200 characters without control characters. */
    private static final int MAX_NAME = 200;

    private final ApiKeys keys;
    private final Sessions sessions;
    private final Pages pages;

    KeysAdmin(ApiKeys keys, Sessions sessions, Pages pages) {
        this.keys = keys;
        this.sessions = sessions;
        this.pages = pages;
    }

    /** A key as the page lists it. */
    public record Row(String name, String displayName, String role, String created, String lastSeen, Optional<String> revoked) {
        public boolean active() {
            return revoked.isEmpty();
        }
    }

    /** What the create form was sent, shown again beside its errors (the key's name is not clinical data). */
    public record Draft(String name, String displayName, String role) {
        static final Draft EMPTY = new Draft("", "", "nurse");
    }

    /** The keys page: the list, the create form (with the last attempt's errors) and any notice. */
    public record KeysPage(Chrome chrome, List<Row> keys, List<String> roles, Draft draft, List<String> errors,
            Optional<String> notice) {}

    /** The page that shows a new key, the only time it can be read. */
    public record CreatedPage(Chrome chrome, String name, String role, String key) {}

    /** The confirmation step of a revocation. */
    public record RevokePage(Chrome chrome, Row key, boolean own) {}

    void list(Context ctx, Sessions.Session session) {
        if (refused(ctx, session)) {
            return;
        }
        Optional<String> notice = "revoked".equals(ctx.queryParam("done"))
                ? Optional.of("The key has been revoked: it is refused from its next request, and its sessions have ended.")
                : Optional.empty();
        showList(ctx, session, 200, Draft.EMPTY, List.of(), notice);
    }

    void create(Context ctx, Sessions.Session session) {
        if (refused(ctx, session)) {
            return;
        }
        Draft draft = new Draft(field(ctx, "name"), field(ctx, "displayName"), field(ctx, "role"));
        List<String> errors = new ArrayList<>();
        Optional<Role> role = Role.of(draft.role());
        if (role.isEmpty()) {
            errors.add("role: must be one of: " + Role.allowed());
        }
        if (!fits(draft.name()) || draft.name().equals(Caller.SYSTEM)) {
            errors.add("name: is required, 1 to " + MAX_NAME + " characters without control characters, and not '"
                    + Caller.SYSTEM + "'");
        }
        if (!draft.displayName().isEmpty() && !fits(draft.displayName())) {
            errors.add("displayName: 1 to " + MAX_NAME + " characters without control characters, or empty for the key's name");
        }
        if (errors.isEmpty()) {
            try {
                String key = keys.create(role.get(), draft.name(), session.caller().name(),
                        Optional.of(draft.displayName()).filter(d -> !d.isEmpty()));
                pages.render(ctx, 201, "keyCreated.jte",
                        new CreatedPage(Pages.chrome("Key created", session), draft.name(), role.get().code(), key));
                return;
            } catch (ApiKeys.DuplicateNameException e) {
                errors.add("name: a key with this name already exists; choose another name");
            }
        }
        showList(ctx, session, 400, draft, errors, Optional.empty());
    }

    /** Without {@code confirm=yes}, the confirmation page; with it, the revocation. */
    void revoke(Context ctx, Sessions.Session session) {
        if (refused(ctx, session)) {
            return;
        }
        String name = field(ctx, "name");
        Optional<Row> row = rows(session).stream().filter(r -> r.name().equals(name)).findFirst();
        if (row.isEmpty()) {
            showList(ctx, session, 400, Draft.EMPTY, List.of("name: no key has this name; choose one from the list"),
                    Optional.empty());
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            pages.render(ctx, 200, "keyRevoke.jte", new RevokePage(Pages.chrome("Revoke a key", session), row.get(),
                    name.equals(session.caller().name())));
            return;
        }
        keys.revoke(name, session.caller().name());
        sessions.endAllOf(name);
        ctx.redirect("/admin/keys?done=revoked", HttpStatus.SEE_OTHER);
    }

    /** Answers 403 to a role other than admin; the page and its link are for administrators only. */
    private boolean refused(Context ctx, Sessions.Session session) {
        if (session.caller().role() == Role.ADMIN) {
            return false;
        }
        pages.render(ctx, 403, "error.jte", new Workspace.ErrorPage(Pages.chrome("Not allowed", session),
                "Managing API keys needs the admin role."));
        return true;
    }

    private void showList(Context ctx, Sessions.Session session, int status, Draft draft, List<String> errors,
            Optional<String> notice) {
        List<String> roles = java.util.Arrays.stream(Role.values()).map(Role::code).toList();
        pages.render(ctx, status, "keys.jte",
                new KeysPage(Pages.chrome("API keys", session), rows(session), roles, draft, errors, notice));
    }

    /** Every key, by name; the listing is recorded in the audit trail as {@code pumpauth keys list}'s is. */
    private List<Row> rows(Sessions.Session session) {
        Map<String, Instant> lastSeen = sessions.lastSeenByKey();
        List<Row> rows = new ArrayList<>();
        for (ApiKeys.KeyInfo k : keys.list(session.caller().name())) {
            rows.add(new Row(k.name(), k.displayName().orElse(""), k.role().code(), QueuePage.WHEN.format(k.createdAt()),
                    Optional.ofNullable(lastSeen.get(k.name())).map(QueuePage.WHEN::format).orElse("not known"),
                    k.revokedAt().map(QueuePage.WHEN::format)));
        }
        return rows;
    }

    private static boolean fits(String text) {
        return !text.isBlank() && text.length() <= MAX_NAME && text.chars().noneMatch(Character::isISOControl);
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }
}
