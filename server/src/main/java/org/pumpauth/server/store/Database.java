package org.pumpauth.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The service's database: a connection pool, migrated with Flyway on open, and JDBI over it. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final DatabaseSettings settings;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool and brings the schema up to date; an embedded database is created if missing. */
    public static Database open(DatabaseSettings settings, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        // Flyway takes a second connection while it migrates: never fewer than two.
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setMinimumIdle(1);
        config.setPoolName("pumpauth");
        config.setInitializationFailTimeout(-1);
        if (!settings.isEmbedded()) {
            // A batch of inserts (a group of cases, its audit entries) as multi-row statements: fewer round trips.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
            // Fail here, with a message that names the database, rather than on the first request.
            dataSource.getConnection().close();
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("cannot open the database " + settings.describe() + " (" + reason(e) + ")", e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate the database " + settings.describe() + " (" + reason(e) + ")", e);
        }
        return new Database(settings, dataSource);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof SQLException ? "SQL state " + ((SQLException) root).getSQLState() : root.getClass().getSimpleName();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
