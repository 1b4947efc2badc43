package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link InformationRequestTest} on the embedded H2. */
class InformationRequestOnH2Test extends InformationRequestTest {
    InformationRequestOnH2Test() {
        super(TestDatabase.H2);
    }
}
