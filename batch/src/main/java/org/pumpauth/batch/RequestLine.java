package org.pumpauth.batch;

import java.nio.charset.StandardCharsets;
import org.apache.spark.unsafe.types.UTF8String;

/** An input line as Spark read it (UTF-8 bytes), as the request reader and the rejects take it. */
final class RequestLine {
    private RequestLine() {}

    /**
     * The line's bytes as the request reader reads them: Spark's own for a line of ASCII (every generated
     * request); a line with other bytes is decoded and encoded again, as the line's Java string would be, so
     * that bytes that are not UTF-8 read as the replacement character rather than failing the JSON parser.
     */
    static byte[] bytes(UTF8String line) {
        byte[] bytes = line.getBytes();
        for (byte b : bytes) {
            if (b < 0) {
                return new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            }
        }
        return bytes;
    }

    /** What {@link String#isBlank()} says of the line's text, without making the string for a line that starts a request. */
    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b < 0) {
                return new String(line, StandardCharsets.UTF_8).isBlank(); // a space of another script, maybe
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
