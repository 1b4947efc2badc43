package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link ReviewStepsTest} on the embedded H2. */
class ReviewStepsOnH2Test extends ReviewStepsTest {
    ReviewStepsOnH2Test() {
        super(TestDatabase.H2);
    }
}
