package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link LettersTest} on PostgreSQL. */
class LettersOnPostgresqlTest extends LettersTest {
    LettersOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
