package org.pumpauth.server.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the service keeps its data: an embedded H2 file database under a data directory (the
 * default), or PostgreSQL named by a JDBC URL. The password is never part of {@link #toString()}.
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password) {
    public static final String URL_VARIABLE = "PUMPAUTH_DB_URL";
    public static final String USER_VARIABLE = "PUMPAUTH_DB_USER";
    public static final String PASSWORD_VARIABLE = "PUMPAUTH_DB_PASSWORD";

    public DatabaseSettings {
        Objects.requireNonNull(url);
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
    }

    /**
     * The embedded database under {@code dataDir}. AUTO_SERVER lets a second process (such as
     * {@code pumpauth keys create} while the server runs) open the same file; WRITE_DELAY=0
     * writes each commit to the file before it returns, so a 201 survives a kill -9. ANALYZE_AUTO: H2
     * gathers a table's statistics again after this many changed rows (by default 2,000, reading 10,000
     * rows each time, in the commit that crosses it): a case changes about ten rows, so at the default
     * the case writer spent part of its commits reading documents back for statistics; now once per
     * 100,000 rows changed (a table's statistics change little as it grows by the same kind of row).
     */
    public static DatabaseSettings embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().normalize().resolve("pumpauth").toString();
        return new DatabaseSettings("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
                + ";ANALYZE_AUTO=100000",
                Optional.of("sa"), Optional.of(""));
    }

    /**
     * The database a command line names: {@code --db URL}, else {@code PUMPAUTH_DB_URL}, else the
     * embedded one under {@code dataDir}. A PostgreSQL user and password come from the URL or from
     * {@code PUMPAUTH_DB_USER} and {@code PUMPAUTH_DB_PASSWORD}.
     */
    public static DatabaseSettings resolve(Optional<String> db, Path dataDir, Map<String, String> env) {
        Optional<String> url = db.or(() -> Optional.ofNullable(env.get(URL_VARIABLE))).filter(s -> !s.isBlank());
        if (url.isEmpty()) {
            return embedded(dataDir);
        }
        return new DatabaseSettings(url.get(), Optional.ofNullable(env.get(USER_VARIABLE)),
                Optional.ofNullable(env.get(PASSWORD_VARIABLE)));
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL without its parameters, for messages (a URL may carry a password). */
    public String describe() {
        int cut = url.indexOf(isEmbedded() ? ';' : '?');
        return cut < 0 ? url : url.substring(0, cut);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + "]";
    }
}
