package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link CaseServiceTest} on the embedded H2. */
class CaseServiceOnH2Test extends CaseServiceTest {
    CaseServiceOnH2Test() {
        super(TestDatabase.H2);
    }
}
