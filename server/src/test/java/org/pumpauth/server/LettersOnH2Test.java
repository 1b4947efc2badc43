package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link LettersTest} on the embedded H2. */
class LettersOnH2Test extends LettersTest {
    LettersOnH2Test() {
        super(TestDatabase.H2);
    }
}
