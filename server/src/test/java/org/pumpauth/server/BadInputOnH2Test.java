package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link BadInputTest} on H2. */
class BadInputOnH2Test extends BadInputTest {
    BadInputOnH2Test() {
        super(TestDatabase.H2);
    }
}
