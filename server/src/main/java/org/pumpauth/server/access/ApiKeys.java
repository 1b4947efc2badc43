package org.pumpauth.server.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.pumpauth.server.audit.Sha256;
import org.pumpauth.server.store.Sql;

/**
 * API keys: 256 random bits, URL-safe, shown once at creation; only their SHA-256 is stored with
 * the key's name and role. A key found once is remembered (keys are not revoked in this version).
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "pa_";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, Caller> known = new ConcurrentHashMap<>();

    public ApiKeys(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A key named {@code name} already exists. */
    public static final class DuplicateNameException extends org.pumpauth.PumpauthException {
        private static final long serialVersionUID = 1L;

        DuplicateNameException(String name) {
            super("a key named " + name + " already exists; choose another name");
        }
    }

    /** Creates a key and returns it: the only time it can be read. */
    public String create(Role role, String name) {
        // A name goes into the audit trail's hashed text, newline-separated: no control characters.
        if (name.isBlank() || name.length() > 200 || name.equals(Caller.SYSTEM) || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a key name must be 1 to 200 characters without control characters,"
                    + " and not '" + Caller.SYSTEM + "'");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_key (key_hash, name, role, created_at) VALUES (?, ?, ?, ?)")
                    .bind(0, Sha256.hex(key)).bind(1, name).bind(2, role.code()).bind(3, Sql.timestamp(clock.instant()))
                    .execute());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new DuplicateNameException(name);
            }
            throw e;
        }
        return key;
    }

    /** The caller a presented key belongs to, if it is a key. */
    public Optional<Caller> authenticate(String key) {
        if (!key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        String hash = Sha256.hex(key);
        Caller caller = known.get(hash);
        if (caller != null) {
            return Optional.of(caller);
        }
        Optional<Caller> found = jdbi.withHandle(h -> h.createQuery("SELECT name, role FROM api_key WHERE key_hash = ?")
                .bind(0, hash)
                .map((rs, ctx) -> new Caller(rs.getString("name"), Role.of(rs.getString("role")).orElseThrow()))
                .findOne());
        found.ifPresent(c -> known.put(hash, c));
        return found;
    }
}
