package org.pumpauth.server.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.access.Caller;
import org.pumpauth.server.access.Role;
import org.pumpauth.server.audit.Sha256;
import org.pumpauth.server.store.Sql;

/**
 * The workspace's sign-in sessions, kept in the database so that every server on it knows them. A
 * session belongs to the API key it signed in with and ends when that key is revoked, after 8 idle
 * hours, or at sign-out. Only the SHA-256 of a session token is stored.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(8);
    /** A session's last use is written at most this often, so reading a page does not always write. */
    private static final Duration TOUCH = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final ApiKeys keys;
    private final Clock clock;

    Sessions(Jdbi jdbi, ApiKeys keys, Clock clock) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.clock = clock;
    }

    /** A signed-in session: the token (the cookie's value), the form token that guards its posts, the caller. */
    record Session(String token, String csrf, Caller caller) {}

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Signs in with an API key: a new session, or empty when the key is unknown or revoked. */
    Optional<Session> signIn(String key) {
        Optional<Caller> caller = keys.authenticate(key);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO web_session (id_hash, key_hash, csrf, created_at, last_seen_at)"
                        + " VALUES (:id, :key, :csrf, :at, :at)")
                .bind("id", Sha256.hex(token)).bind("key", Sha256.hex(key)).bind("csrf", csrf)
                .bind("at", Sql.timestamp(now)).execute());
        return Optional.of(new Session(token, csrf, caller.get()));
    }

    /** The live session of a token: its key not revoked, used within the last 8 hours. */
    Optional<Session> find(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String id = Sha256.hex(token);
        Optional<Object[]> row = jdbi.withHandle(h -> h.createQuery("SELECT k.name, k.role, s.csrf, s.last_seen_at"
                        + " FROM web_session s JOIN api_key k ON k.key_hash = s.key_hash"
                        + " WHERE s.id_hash = :id AND k.revoked_at IS NULL")
                .bind("id", id)
                .map((rs, ctx) -> new Object[] {rs.getString("name"), rs.getString("role"), rs.getString("csrf"),
                    Sql.instant(rs, "last_seen_at")})
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant lastSeen = (Instant) row.get()[3];
        if (!now.isBefore(lastSeen.plus(IDLE))) {
            end(token);
            return Optional.empty();
        }
        if (!now.isBefore(lastSeen.plus(TOUCH))) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE web_session SET last_seen_at = :at WHERE id_hash = :id")
                    .bind("at", Sql.timestamp(now)).bind("id", id).execute());
        }
        Role role = Role.of((String) row.get()[1]).orElseThrow();
        return Optional.of(new Session(token, (String) row.get()[2], new Caller((String) row.get()[0], role)));
    }

    /**
     * Ends every session of the key named {@code keyName} (when it is revoked). They would already be
     * refused, since a session is read joined to its key's row; this removes them.
     */
    void endAllOf(String keyName) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE key_hash IN"
                        + " (SELECT key_hash FROM api_key WHERE name = :name)")
                .bind("name", keyName).execute());
    }

    /** When each key's stored sessions were last used, by key name: what the workspace knows of a key's last use. */
    Map<String, Instant> lastSeenByKey() {
        return jdbi.withHandle(h -> h.createQuery("SELECT k.name, MAX(s.last_seen_at) AS last_seen FROM web_session s"
                        + " JOIN api_key k ON k.key_hash = s.key_hash GROUP BY k.name")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), Sql.instant(rs, "last_seen")))
                .list()).stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Signs out: the session is deleted. */
    void end(String token) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE id_hash = :id").bind("id", Sha256.hex(token))
                .execute());
    }
}
