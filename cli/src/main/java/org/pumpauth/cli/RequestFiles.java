package org.pumpauth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a request file named on the command line; {@code -} is standard input. */
final class RequestFiles {
    private RequestFiles() {}

    static byte[] read(String file) throws IOException {
        return file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
    }

    static String displayName(String file) {
        return file.equals("-") ? "<stdin>" : file;
    }
}
