package org.pumpauth.server;

import org.pumpauth.server.testing.FuzzRequests;
import org.pumpauth.server.testing.TestDatabase;

/** {@link FuzzTest} on PostgreSQL: strings, NUL and instants (where the databases differ), 400 requests. */
class FuzzOnPostgresqlTest extends FuzzTest {
    FuzzOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL, 400, FuzzRequests.Scope.TEXT_AND_TIME);
    }
}
