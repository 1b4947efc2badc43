package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link DocumentMigrationTest} on PostgreSQL. */
class DocumentMigrationOnPostgresqlTest extends DocumentMigrationTest {
    DocumentMigrationOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
