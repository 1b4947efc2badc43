package org.pumpauth.server;

import org.pumpauth.server.testing.FuzzRequests;
import org.pumpauth.server.testing.TestDatabase;

/** {@link FuzzTest} on H2: every class of mutation, 2,000 requests. */
class FuzzOnH2Test extends FuzzTest {
    FuzzOnH2Test() {
        super(TestDatabase.H2, 2000, FuzzRequests.Scope.ALL);
    }
}
