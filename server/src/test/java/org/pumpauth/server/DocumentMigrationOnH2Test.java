package org.pumpauth.server;

import org.pumpauth.server.testing.TestDatabase;

/** {@link DocumentMigrationTest} on the embedded H2. */
class DocumentMigrationOnH2Test extends DocumentMigrationTest {
    DocumentMigrationOnH2Test() {
        super(TestDatabase.H2);
    }
}
