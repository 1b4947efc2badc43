package org.pumpauth.server.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.server.audit.AuditEvent;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.audit.Sha256;
import org.pumpauth.server.store.Sql;

/**
 * API keys: 256 random bits, URL-safe, shown once at creation; only their SHA-256 is stored with
 * the key's name and role. Every request reads its key's row, so a key revoked (by any process on
 * the database) is refused from its next request on every server. Creating, revoking and listing
 * keys is recorded in the audit trail.
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "pa_";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The actor of a key change made without a named person (the tests, a library caller). */
    public static final String OPERATOR = "operator";

    /** At most this many keys are remembered by {@link #identify}; past it the memory starts afresh. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Jdbi jdbi;
    private final Clock clock;
    /** Who each key hash seen belongs to (not whether it is revoked: that is read from the database). */
    private final java.util.concurrent.ConcurrentHashMap<String, Caller> known = new java.util.concurrent.ConcurrentHashMap<>();

    public ApiKeys(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * What {@code keys list} and the workspace's keys page show of a key: never the key itself, which is
     * not stored. The display name is the one letters give its person, when it has one.
     */
    public record KeyInfo(String name, Role role, Instant createdAt, Optional<Instant> revokedAt,
            Optional<String> displayName) {}

    /** When a key was revoked, and whether by this call (else it already was). */
    public record Revocation(Instant at, boolean already) {}

    /** A key named {@code name} already exists. */
    public static final class DuplicateNameException extends org.pumpauth.PumpauthException {
        private static final long serialVersionUID = 1L;

        DuplicateNameException(String name) {
            super("a key named " + name + " already exists; choose another name");
        }
    }

    /** No key has the name given. */
    public static final class UnknownNameException extends org.pumpauth.PumpauthException {
        private static final long serialVersionUID = 1L;

        UnknownNameException(String name) {
            super("no key is named " + name + "; 'pumpauth keys list' shows the names");
        }
    }

    /** Creates a key and returns it: the only time it can be read. */
    public String create(Role role, String name) {
        return create(role, name, OPERATOR);
    }

    /** Creates a key, recording {@code actor} as who made it in the audit trail, and returns it. */
    public String create(Role role, String name, String actor) {
        return create(role, name, actor, Optional.empty());
    }

    /**
     * Creates a key with the name letters give the person who uses it ({@code --display-name}, such as
     * "Dr. Ana Lee, MD"; else the key's name), recording {@code actor} in the audit trail, and returns it.
     */
    public String create(Role role, String name, String actor, Optional<String> displayName) {
        if (displayName.isPresent() && (displayName.get().isBlank() || displayName.get().length() > 200
                || displayName.get().chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("a display name must be 1 to 200 characters without control characters");
        }
        // A name goes into the audit trail's hashed text, newline-separated: no control characters.
        if (name.isBlank() || name.length() > 200 || name.equals(Caller.SYSTEM) || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a key name must be 1 to 200 characters without control characters,"
                    + " and not '" + Caller.SYSTEM + "'");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO api_key (key_hash, name, role, created_at, display_name)"
                                + " VALUES (:hash, :name, :role, :at, :display)")
                        .bind("hash", Sha256.hex(key)).bind("name", name).bind("role", role.code())
                        .bind("at", Sql.timestamp(now)).bind("display", displayName.orElse(null)).execute();
                ObjectNode content = JSON.createObjectNode(); // fields in name order
                displayName.ifPresent(d -> content.put("displayName", d));
                audit(h, AuditEvent.KEY_CREATED, actor, now, content.put("name", name).put("role", role.code()));
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new DuplicateNameException(name);
            }
            throw e;
        }
        return key;
    }

    /**
     * Revokes the key named {@code name}: refused from its next request. A key already revoked stays
     * as it was (nothing is recorded).
     *
     * @throws UnknownNameException when no key has that name
     */
    public Revocation revoke(String name, String actor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Optional<Instant>> revoked = h.createQuery("SELECT revoked_at FROM api_key WHERE name = :name FOR UPDATE")
                    .bind("name", name)
                    .map((rs, ctx) -> Optional.ofNullable(Sql.instant(rs, "revoked_at")))
                    .findOne();
            if (revoked.isEmpty()) {
                throw new UnknownNameException(name);
            }
            if (revoked.get().isPresent()) {
                return new Revocation(revoked.get().get(), true);
            }
            h.createUpdate("UPDATE api_key SET revoked_at = :at WHERE name = :name")
                    .bind("at", Sql.timestamp(now)).bind("name", name).execute();
            audit(h, AuditEvent.KEY_REVOKED, actor, now, content(name));
            return new Revocation(Sql.timestamp(now).toInstant(), false);
        });
    }

    /** Every key, by name, revoked ones included; the reading is recorded in the audit trail. */
    public List<KeyInfo> list(String actor) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<KeyInfo> keys = h.createQuery("SELECT name, role, created_at, revoked_at, display_name FROM api_key"
                            + " ORDER BY name")
                    .map((rs, ctx) -> new KeyInfo(rs.getString("name"), Role.of(rs.getString("role")).orElseThrow(),
                            Sql.instant(rs, "created_at"), Optional.ofNullable(Sql.instant(rs, "revoked_at")),
                            Optional.ofNullable(rs.getString("display_name"))))
                    .list();
            audit(h, AuditEvent.KEYS_LISTED, actor, now, JSON.createObjectNode().put("keys", keys.size()));
            return keys;
        });
    }

    /** The caller a presented key belongs to, if it is a key and not revoked. Reads the database each time. */
    public Optional<Caller> authenticate(String key) {
        if (!key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        return lookUp(Sha256.hex(key));
    }

    private Optional<Caller> lookUp(String hash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, role, display_name FROM api_key"
                        + " WHERE key_hash = :hash AND revoked_at IS NULL")
                .bind("hash", hash)
                .map((rs, ctx) -> {
                    String name = rs.getString("name");
                    String display = rs.getString("display_name");
                    return new Caller(name, Role.of(rs.getString("role")).orElseThrow(), display == null ? name : display);
                })
                .findOne());
    }

    /** A presented key: whom it names, and its SHA-256, by which the database is asked whether it is revoked. */
    public record Identified(Caller caller, String keyHash) {}

    /**
     * Whom a presented key names, without asking the database once the key has been seen: for a
     * change that checks the key's revocation itself, in the transaction that commits it
     * ({@link #live}), so that the change is refused when the key was revoked before it committed.
     * Empty when it is not a key, or not a key the database knows unrevoked on its first use.
     */
    public Optional<Identified> identify(String key) {
        if (!key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        String hash = Sha256.hex(key);
        Caller caller = known.get(hash);
        if (caller == null) {
            Optional<Caller> read = lookUp(hash);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            caller = read.get();
            if (known.size() >= MAX_REMEMBERED) {
                known.clear();
            }
            known.put(hash, caller);
        }
        return Optional.of(new Identified(caller, hash));
    }

    /** Forgets a key {@link #identify} remembered (a change found it revoked). */
    public void forget(String keyHash) {
        known.remove(keyHash);
    }

    /**
     * Of these key hashes, those of keys not revoked, read in the caller's transaction: one query for a
     * group of changes, so a key revoked by any process on the database is refused from its next change.
     */
    public static java.util.Set<String> live(Handle h, java.util.Collection<String> keyHashes) {
        if (keyHashes.isEmpty()) {
            return java.util.Set.of();
        }
        // Plain JDBC: this runs in every group the case writer stores, and JDBI's binding cost more than the query.
        List<String> distinct = List.copyOf(new java.util.TreeSet<>(keyHashes));
        String sql = "SELECT key_hash FROM api_key WHERE revoked_at IS NULL AND key_hash IN ("
                + String.join(", ", java.util.Collections.nCopies(distinct.size(), "?")) + ")";
        java.util.Set<String> live = new java.util.HashSet<>();
        try (java.sql.PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < distinct.size(); i++) {
                st.setString(i + 1, distinct.get(i));
            }
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    live.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw org.pumpauth.server.store.Sql.refused(e);
        }
        return live;
    }

    private static ObjectNode content(String name) {
        return JSON.createObjectNode().put("name", name);
    }

    /** Key events are not about a case: their case id is empty. The content's fields are in name order. */
    private static void audit(Handle h, AuditEvent event, String actor, Instant at, ObjectNode content) {
        AuditLog.append(h, "", event, actor, at, content.toString());
    }
}
