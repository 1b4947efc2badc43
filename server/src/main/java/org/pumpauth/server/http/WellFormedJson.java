package org.pumpauth.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/**
 * Refuses what a JSON parser lets through but the service cannot keep, anywhere in a body (fields the
 * contract does not know too): a string or member name with an unpaired surrogate (not Unicode text:
 * it cannot be written back, so a stored case holding one could not be read), or with NUL (PostgreSQL's
 * text refuses it, H2's takes it), a number beyond a double's range ({@code 1e400}), and nesting deeper
 * than {@value #MAX_DEPTH} levels (a case sent back holding it would be too deep for its clients). Every body is
 * checked before anything reads or stores it, so both databases give the same 400, naming each field.
 */
public final class WellFormedJson {
    private static final JsonFactory JSON = new JsonFactory();
    /**
     * The deepest nesting a body may have. The contract nests four levels; a stored request is sent back
     * inside a case, two levels deeper, and a client's parser must still take it (Jackson's stops at 1,000).
     */
    static final int MAX_DEPTH = 64;
    /** A body with more faults than this is not worth listing further. */
    private static final int MAX_PROBLEMS = 20;
    /** Fewer digits than this cannot leave a double's range without an exponent (the largest has 309). */
    private static final int LONG_DIGITS = 300;

    private static final byte OTHER = 0;
    private static final byte DIGIT = 1;
    private static final byte POINT = 2;
    private static final byte EXPONENT = 3;
    private static final byte OPEN = 4;
    private static final byte SUSPECT = 5;
    /** What each byte may start or continue, for {@link #suspect}: one lookup per byte. */
    private static final byte[] KIND = new byte[256];

    static {
        for (char c = '0'; c <= '9'; c++) {
            KIND[c] = DIGIT;
        }
        KIND['.'] = POINT;
        KIND['e'] = EXPONENT;
        KIND['E'] = EXPONENT;
        KIND['{'] = OPEN;
        KIND['['] = OPEN;
        KIND['\\'] = SUSPECT;
        KIND[0xED] = SUSPECT;
    }

    private WellFormedJson() {}

    /** Throws {@link InvalidRequestException} naming each field at fault when the body holds what the service cannot keep. */
    public static void check(byte[] body) {
        if (!suspect(body)) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null && problems.size() < MAX_PROBLEMS; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    String fault = fault(p.currentName());
                    if (fault != null) {
                        // The name itself is at fault: name the object that holds it.
                        problems.add(new Problem(path(p.getParsingContext().getParent()), "has a member name that " + fault));
                    }
                } else if (t == JsonToken.VALUE_STRING) {
                    String fault = fault(p.getText());
                    if (fault != null) {
                        problems.add(new Problem(path(p.getParsingContext()), fault));
                    }
                } else if (t.isStructStart() && p.getParsingContext().getNestingDepth() > MAX_DEPTH) {
                    problems.add(new Problem(path(p.getParsingContext().getParent()),
                            "is nested too deep: a body may nest objects and arrays at most " + MAX_DEPTH + " levels"));
                    break;
                } else if (t == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue())) {
                    problems.add(new Problem(path(p.getParsingContext()),
                            "must be a finite number (at most about 1.8e308 in size)"));
                }
            }
        } catch (IOException e) {
            // Not JSON, or beyond the parser's limits: the reader that follows says so, with the place.
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** What is wrong with a string, or null. */
    static String fault(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "must not hold the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be Unicode text: it holds an unpaired surrogate (\\ud800 to \\udfff without its pair)";
            }
        }
        return null;
    }

    /**
     * Whether the body may hold any of these at all, from its bytes: an escape (the only way to write NUL
     * or a surrogate in JSON), the lead byte of a UTF-8-encoded surrogate, an exponent, a very long run
     * of digits, more opening brackets than the depth allowed. A valid request usually has none, and is
     * not parsed twice.
     */
    private static boolean suspect(byte[] body) {
        int digits = 0;
        int open = 0;
        for (byte b : body) {
            switch (KIND[b & 0xFF]) {
                case OTHER:
                    digits = 0;
                    break;
                case DIGIT:
                    if (++digits >= LONG_DIGITS) {
                        return true;
                    }
                    break;
                case POINT:
                    break; // a fraction continues the run of digits before it
                case EXPONENT:
                    if (digits > 0) {
                        return true;
                    }
                    break;
                case OPEN:
                    // Brackets inside strings count too: a cheap upper bound on the depth.
                    if (++open > MAX_DEPTH) {
                        return true;
                    }
                    digits = 0;
                    break;
                default:
                    return true; // an escape, or the lead byte of a UTF-8-encoded surrogate
            }
        }
        return false;
    }

    /** The contract's spelling of the place the parser is at: {@code notes[0].text}. */
    private static String path(JsonStreamContext at) {
        if (at == null || at.inRoot()) {
            return "";
        }
        String parent = path(at.getParent());
        if (at.inArray()) {
            return parent + "[" + Math.max(at.getCurrentIndex(), 0) + "]";
        }
        String name = at.getCurrentName() == null || fault(at.getCurrentName()) != null ? "?" : at.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
