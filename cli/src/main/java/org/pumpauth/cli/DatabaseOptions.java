package org.pumpauth.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.pumpauth.server.store.DatabaseSettings;
import picocli.CommandLine.Option;

/** Where the review service's data is: {@code --data DIR} (embedded) or {@code --db URL} (PostgreSQL). */
final class DatabaseOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the embedded database, created on first use (default: ./data).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "A PostgreSQL database, as jdbc:postgresql://HOST/DB (default: PUMPAUTH_DB_URL, else the"
                    + " embedded one). User and password from the URL or PUMPAUTH_DB_USER and PUMPAUTH_DB_PASSWORD.")
    String db;

    DatabaseSettings settings() {
        return DatabaseSettings.resolve(Optional.ofNullable(db), data, System.getenv());
    }
}
