package org.pumpauth.server.cases;

import org.pumpauth.server.testing.TestDatabase;

/** {@link SubmissionWriterTest} on the embedded H2. */
class SubmissionWriterOnH2Test extends SubmissionWriterTest {
    SubmissionWriterOnH2Test() {
        super(TestDatabase.H2);
    }
}
