package org.pumpauth.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The service's case store, as {@code batch metrics} reads it: the embedded H2 file under the
 * service's data directory ({@code --data}), or a database URL ({@code --db}; PostgreSQL's user and
 * password from the URL or PUMPAUTH_DB_USER and PUMPAUTH_DB_PASSWORD, as for the service).
 */
record CaseStore(String url, String option, Optional<String> user, Optional<String> password) {
    static final String FILE = "pumpauth.mv.db";

    /** The H2 database the service keeps under {@code dir}; it must exist (H2 would make an empty one). */
    static CaseStore data(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BatchException("--data: no case store in " + dir + " (no " + FILE + "); name the directory the"
                    + " service keeps its data in (pumpauth serve --data DIR)");
        }
        String base = dir.toAbsolutePath().normalize().resolve("pumpauth").toString();
        // AUTO_SERVER: the service may have the file open; IFEXISTS: never make an empty store.
        return new CaseStore("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE", "--data", Optional.of("sa"),
                Optional.of(""));
    }

    static CaseStore db(String url, Map<String, String> env) {
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new BatchException("--db: give a JDBC URL of PostgreSQL (jdbc:postgresql://HOST:PORT/DB) or H2 (jdbc:h2:...)");
        }
        return new CaseStore(url, "--db", Optional.ofNullable(env.get("PUMPAUTH_DB_USER")),
                Optional.ofNullable(env.get("PUMPAUTH_DB_PASSWORD")));
    }

    /** The URL without its parameters, for messages (a URL may carry a password). */
    String describe() {
        int cut = url.indexOf(url.startsWith("jdbc:h2:") ? ';' : '?');
        return cut < 0 ? url : url.substring(0, cut);
    }

    Properties properties() {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("connectTimeout", "10");
        }
        return properties;
    }

    String driver() {
        return url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver";
    }

    /** Connects once before Spark starts, so that a store that does not answer is one clear message. */
    void check() {
        try {
            Class.forName(driver());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(driver() + " is missing from the build", e);
        }
        DriverManager.setLoginTimeout(10);
        try (Connection connection = DriverManager.getConnection(url, properties())) {
            connection.getMetaData();
        } catch (SQLException e) {
            // The driver's message may name the host or the user; the state is enough to act on.
            throw new BatchException(option + ": cannot read the case store at " + describe() + " (SQL state "
                    + e.getSQLState() + "); is the database running, and is this the service's store?");
        }
    }
}
