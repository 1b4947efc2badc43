package org.pumpauth.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pumpauth.server.ReviewServer;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.MutableClock;

/** The admin's keys page over HTTP on H2: who may see it, listing, creating (shown once) and revoking with a confirmation. */
class KeysAdminTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-04-01T12:00:00Z"));
    private static final String MARKUP = "<script>alert(1)</script><b>bold</b>\"'&";
    private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\" type=\"text\" readonly size=\"60\" value=\"(pa_[A-Za-z0-9_-]+)\"");
    private static RunningWorkspace workspace;
    private static ReviewService service;
    private static ReviewServer server;
    private static String admin;
    private static String nurse;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.onH2(CLOCK);
        service = workspace.service;
        server = workspace.server;
        admin = service.keys().create(Role.ADMIN, "admin-a");
        nurse = service.keys().create(Role.NURSE, "nurse-n");
    }

    @AfterAll
    static void stop() {
        workspace.close();
    }

    private static Browserless signedIn(String key) {
        return workspace.signedIn(key);
    }

    private static int apiStatus(String key) {
        return new Client(server.port()).get("/v1/cases", key).status();
    }

    private static String created(Browserless b, String name, String displayName, String role) {
        String csrf = Browserless.csrf(b.get("/admin/keys").body());
        HttpResponse<String> r = b.post("/admin/keys", "csrf", csrf, "name", name, "displayName", displayName, "role", role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher m = NEW_KEY.matcher(r.body());
        assertThat(m.find()).as("the new key is on the page").isTrue();
        return m.group(1);
    }

    private static List<AuditLog.Line> keyEvents() {
        return service.database().jdbi().withHandle(h -> AuditLog.ofCase(h, ""));
    }

    @Test
    void a_nurse_gets_403_on_the_keys_page_and_its_form_and_sees_no_link_to_it() {
        Browserless b = signedIn(nurse);
        assertThat(b.get("/").body()).doesNotContain("/admin/keys");
        assertThat(b.get("/admin/keys").statusCode()).isEqualTo(403);
        String csrf = Browserless.csrf(b.get("/").body());
        HttpResponse<String> post = b.post("/admin/keys", "csrf", csrf, "name", "by-a-nurse", "role", "admin");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("needs the admin role");
        assertThat(service.keys().list("test")).noneMatch(k -> k.name().equals("by-a-nurse"));
        assertThat(b.post("/admin/keys/revoke", "csrf", csrf, "name", "admin-a", "confirm", "yes").statusCode()).isEqualTo(403);
        assertThat(apiStatus(admin)).isEqualTo(200);
    }

    @Test
    void the_admin_sees_every_key_with_its_role_and_dates_but_never_a_key_itself() {
        Browserless b = signedIn(admin);
        String page = b.get("/admin/keys").body();
        assertThat(page).contains("href=\"/admin/keys\"")
                .contains("<th scope=\"row\">nurse-n</th>").contains("<td>nurse</td>").contains("2024-04-01 12:00 UTC")
                .doesNotContain(nurse).doesNotContain(admin).doesNotContain("pa_");
        assertThat(keyEvents()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("keys-listed");
            assertThat(e.actor()).isEqualTo("admin-a");
        });
    }

    @Test
    void a_created_key_is_shown_once_works_on_the_api_and_its_creation_is_audited_with_the_admin_as_actor() {
        Browserless b = signedIn(admin);
        String key = created(b, "clinic-new", "Clinic " + MARKUP, "submitter");
        assertThat(apiStatus(key)).isEqualTo(200);
        String list = b.get("/admin/keys").body();
        assertThat(list).contains("<th scope=\"row\">clinic-new</th>").doesNotContain(key).doesNotContain(MARKUP)
                .contains("Clinic &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
        assertThat(keyEvents()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("key-created");
            assertThat(e.actor()).isEqualTo("admin-a");
        });
    }

    @Test
    void a_key_that_cannot_be_created_is_named_by_field_next_to_the_form_which_keeps_what_was_typed() {
        Browserless b = signedIn(admin);
        String csrf = Browserless.csrf(b.get("/admin/keys").body());
        HttpResponse<String> duplicate = b.post("/admin/keys", "csrf", csrf, "name", "nurse-n", "displayName", "Nurse N",
                "role", "nurse");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("name: a key with this name already exists; choose another name")
                .contains("value=\"Nurse N\"");
        HttpResponse<String> invalid = b.post("/admin/keys", "csrf", csrf, "name", " ", "role", "superuser");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("role: must be one of: submitter, nurse, physician, admin")
                .contains("name: is required, 1 to 200 characters without control characters")
                .doesNotContain("superuser");
    }

    @Test
    void revoking_asks_first_then_the_key_is_refused_on_the_api_and_its_open_sessions_end() {
        Browserless b = signedIn(admin);
        String key = created(b, "nurse-leaving", "", "nurse");
        Browserless hers = signedIn(key);
        assertThat(hers.get("/").statusCode()).isEqualTo(200);
        String csrf = Browserless.csrf(b.get("/admin/keys").body());

        HttpResponse<String> confirm = b.post("/admin/keys/revoke", "csrf", csrf, "name", "nurse-leaving");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Revoke the nurse key <strong>nurse-leaving</strong>")
                .contains("name=\"confirm\" value=\"yes\"");
        assertThat(apiStatus(key)).as("not revoked before it is confirmed").isEqualTo(200);

        HttpResponse<String> done = b.post("/admin/keys/revoke", "csrf", csrf, "name", "nurse-leaving", "confirm", "yes");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/admin/keys?done=revoked");
        assertThat(apiStatus(key)).isEqualTo(401);
        HttpResponse<String> next = hers.get("/");
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(next.headers().firstValue("Location")).contains("/login");
        int sessions = service.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM web_session s"
                + " JOIN api_key k ON k.key_hash = s.key_hash WHERE k.name = 'nurse-leaving'").mapTo(Integer.class).one());
        assertThat(sessions).as("the revoked key's sessions are deleted").isZero();
        assertThat(keyEvents()).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("key-revoked");
            assertThat(e.actor()).isEqualTo("admin-a");
        });
        String list = b.get("/admin/keys?done=revoked").body();
        assertThat(list).contains("The key has been revoked").contains("<strong>revoked</strong>")
                .doesNotContain("<span class=\"visually-hidden\"> nurse-leaving</span>");
    }

    @Test
    void an_admin_revoking_the_key_it_signed_in_with_is_warned_and_then_signed_out() {
        String own = service.keys().create(Role.ADMIN, "admin-self");
        Browserless b = signedIn(own);
        String csrf = Browserless.csrf(b.get("/admin/keys").body());
        assertThat(b.post("/admin/keys/revoke", "csrf", csrf, "name", "admin-self").body())
                .contains("This is the key you are signed in with");
        assertThat(b.post("/admin/keys/revoke", "csrf", csrf, "name", "admin-self", "confirm", "yes").statusCode()).isEqualTo(303);
        HttpResponse<String> next = b.get("/admin/keys");
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(next.headers().firstValue("Location")).contains("/login");
    }

    @Test
    void revoking_an_unknown_name_changes_nothing_and_says_so_by_field() {
        Browserless b = signedIn(admin);
        String csrf = Browserless.csrf(b.get("/admin/keys").body());
        HttpResponse<String> r = b.post("/admin/keys/revoke", "csrf", csrf, "name", "nobody-" + MARKUP, "confirm", "yes");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("name: no key has this name").doesNotContain("nobody-");
    }

    @Test
    void the_revoke_path_answers_405_to_get_and_a_post_without_the_sessions_token_is_refused() {
        Browserless b = signedIn(admin);
        HttpResponse<String> get = b.get("/admin/keys/revoke");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(b.post("/admin/keys/revoke", "name", "nurse-n", "confirm", "yes").statusCode()).isEqualTo(403);
        assertThat(apiStatus(nurse)).isEqualTo(200);
    }
}
