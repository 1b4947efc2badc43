package org.pumpauth.batch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** {@code pumpauth batch ARGS} run in this JVM, as the launcher runs it: its exit status and what it printed. */
record BatchRun(int status, String out, String err) {
    static final Path ROOT = Path.of(System.getProperty("pumpauth.root", ".."));

    static BatchRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new BatchRun(status, out.toString(), err.toString());
    }

    /** Neither stream carries a stack trace (a user reads them). */
    boolean showsNoStackTrace() {
        return !(out + err).contains("\tat ") && !(out + err).contains("Exception:");
    }
}
