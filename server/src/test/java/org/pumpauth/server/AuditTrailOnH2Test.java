package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link AuditTrailTest} on the embedded H2. */
class AuditTrailOnH2Test extends AuditTrailTest {
    AuditTrailOnH2Test() {
        super(TestDatabase.H2);
    }
}
