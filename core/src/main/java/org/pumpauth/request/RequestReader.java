package org.pumpauth.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a review request from JSON, checking every field against {@link RequestContract} as it
 * goes. It collects every problem before it throws one {@link InvalidRequestException}. Fields
 * the contract does not know are kept out of the request and reported by name.
 *
 * <p>Thread-safe: one reader serves any number of threads.
 */
public final class RequestReader {
    private final JsonFactory json = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    public ReviewRequest read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    public ReviewRequest read(byte[] bytes) {
        try (JsonParser parser = json.createParser(bytes)) {
            return read(parser, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReviewRequest read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    /** Reads one request from a parser positioned before (or at) its opening brace. */
    public ReviewRequest read(JsonParser parser) throws IOException {
        return read(parser, false);
    }

    /** {@code whole}: the request is the whole document, so nothing may follow it. */
    private ReviewRequest read(JsonParser parser, boolean whole) throws IOException {
        Pass pass = new Pass();
        try {
            JsonToken first = parser.currentToken() == null ? parser.nextToken() : parser.currentToken();
            if (first != JsonToken.START_OBJECT) {
                pass.problem("", "a review request must be a JSON object");
                throw new InvalidRequestException(pass.problems);
            }
            Object[] values = newValues(RequestContract.REQUEST);
            pass.readObject(parser, RequestContract.REQUEST.tree(), RequestContract.REQUEST, values, "");
            for (Field field : RequestContract.REQUEST.fields()) {
                if (field.required() && values[field.index()] == Absent.VALUE && !pass.reported(field.contractPath())) {
                    pass.problem(field.contractPath(), "is required: " + field.describeAllowed());
                } else if (field.required() && values[field.index()] instanceof String
                        && ((String) values[field.index()]).isBlank()) {
                    // An empty requestId cannot identify the request to its submitter (nor a case).
                    pass.problem(field.contractPath(), "must not be empty: " + field.describeAllowed());
                }
            }
            if (whole && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                pass.problem("", "more text after the request's closing brace at line " + at.getLineNr()
                        + ", column " + at.getColumnNr());
            }
            if (!pass.problems.isEmpty()) {
                throw new InvalidRequestException(pass.problems);
            }
            return new ReviewRequest(values, pass.ignored);
        } catch (JsonParseException e) {
            // Jackson's own message quotes the offending text, which may be clinical: give the place only.
            String original = e.getOriginalMessage();
            String what = original.startsWith("Duplicate field") ? original.replace("Duplicate", "duplicate") : "not valid JSON";
            pass.problem("", what + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
            throw new InvalidRequestException(pass.problems);
        } catch (StreamConstraintsException e) {
            // Jackson's limits on nesting depth and number and string length; its message names its own API.
            JsonLocation at = parser.currentLocation();
            pass.problem("", "too large to read (nested too deep, or a number or string too long) at line "
                    + at.getLineNr() + ", column " + at.getColumnNr());
            throw new InvalidRequestException(pass.problems);
        }
    }

    private static Object[] newValues(Shape shape) {
        Object[] values = new Object[shape.size()];
        Arrays.fill(values, Absent.VALUE);
        return values;
    }

    /** The state of reading one document. */
    private static final class Pass {
        final List<InvalidRequestException.Problem> problems = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();

        void problem(String field, String message) {
            problems.add(new InvalidRequestException.Problem(field, message));
        }

        boolean reported(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        /**
         * At START_OBJECT; reads to its END_OBJECT. {@code at} is the JSON path so far, with indexes.
         * A field's own path is only built when something needs it (a problem, an ignored field, an
         * object to descend into): most fields of a valid request never do.
         */
        void readObject(JsonParser p, Shape.Node node, Shape shape, Object[] values, String at) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                Shape.Node child = node.children.get(name);
                if (child == null) {
                    ignored.add(path(at, name));
                    p.skipChildren();
                } else if (token == JsonToken.VALUE_NULL) {
                    continue; // null states nothing: the field stays unknown
                } else if (child.isObject()) {
                    if (token == JsonToken.START_OBJECT) {
                        readObject(p, child, shape, values, path(at, name));
                    } else {
                        problem(path(at, name), "must be an object");
                        p.skipChildren();
                    }
                } else {
                    values[child.field.index()] = readValue(p, token, child.field, at, name);
                }
            }
        }

        private static String path(String at, String name) {
            return at.isEmpty() ? name : at + "." + name;
        }

        private Object readValue(JsonParser p, JsonToken token, Field field, String at, String name) throws IOException {
            switch (field.type()) {
                case STRING:
                    if (token == JsonToken.VALUE_STRING) {
                        return p.getText();
                    }
                    break;
                case ENUM:
                    if (token == JsonToken.VALUE_STRING) {
                        int known = field.allowed().indexOf(p.getText());
                        if (known >= 0) {
                            return field.allowed().get(known); // the interned constant
                        }
                    }
                    break;
                case DATE:
                    if (token == JsonToken.VALUE_STRING) {
                        LocalDate date = isoDate(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        if (date != null) {
                            return date;
                        }
                    }
                    break;
                default:
                    break;
            }
            return readValue(p, token, field, path(at, name));
        }

        private Object readValue(JsonParser p, JsonToken token, Field field, String path) throws IOException {
            switch (field.type()) {
                case BOOLEAN:
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : Boolean.FALSE;
                    }
                    return wrongType(p, field, path);
                case NUMBER:
                    if (!token.isNumeric()) {
                        return wrongType(p, field, path);
                    }
                    double number = p.getDoubleValue();
                    // 1e400 reads as infinity, which no range should let through.
                    if (!Double.isFinite(number) || number < field.min() || number > field.max()) {
                        problem(path, "must be " + field.describeAllowed());
                        return Absent.VALUE;
                    }
                    return number;
                case STRING:
                    return token == JsonToken.VALUE_STRING ? p.getText() : wrongType(p, field, path);
                case ENUM:
                    return token == JsonToken.VALUE_STRING ? allowed(p.getText(), field, path) : wrongType(p, field, path);
                case DATE:
                    return token == JsonToken.VALUE_STRING ? date(p.getText(), field, path) : wrongType(p, field, path);
                case INSTANT:
                    return token == JsonToken.VALUE_STRING ? instant(p.getText(), field, path) : wrongType(p, field, path);
                case STRING_LIST:
                case ENUM_LIST:
                    return token == JsonToken.START_ARRAY ? readStrings(p, field, path) : wrongType(p, field, path);
                case OBJECT_LIST:
                    return token == JsonToken.START_ARRAY ? readItems(p, field, path) : wrongType(p, field, path);
                default:
                    throw new IllegalStateException("unhandled field type " + field.type());
            }
        }

        private Object wrongType(JsonParser p, Field field, String path) throws IOException {
            problem(path, "must be " + field.describeAllowed());
            p.skipChildren();
            return Absent.VALUE;
        }

        private Object allowed(String value, Field field, String path) {
            if (field.allows(value)) {
                return field.allowed().get(field.allowed().indexOf(value)); // the interned constant
            }
            problem(path, "is not an allowed value; allowed: " + String.join(", ", field.allowed()));
            return Absent.VALUE;
        }

        /**
         * {@code YYYY-MM-DD} in ASCII digits, a date on the calendar: what {@link LocalDate#parse}
         * gives for it, without the formatter's cost; else null, and the caller leaves the text to
         * {@link LocalDate#parse}, which gives the answer for every other form and every error.
         */
        private static LocalDate isoDate(char[] text, int offset, int length) {
            if (length != 10 || text[offset + 4] != '-' || text[offset + 7] != '-') {
                return null;
            }
            int year = digits(text, offset, 4);
            int month = digits(text, offset + 5, 2);
            int day = digits(text, offset + 8, 2);
            if (year < DateRange.EARLIEST_DATE.getYear() || month < 1 || month > 12 || day < 1 || day > 31) {
                return null;
            }
            if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
                return null;
            }
            return LocalDate.of(year, month, day);
        }

        /** The value of {@code count} ASCII digits, or -1. */
        private static int digits(char[] text, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = text[i];
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        private Object date(String text, Field field, String path) {
            Optional<LocalDate> date = DateRange.date(text);
            if (date.isEmpty()) {
                problem(path, "must be " + field.describeAllowed());
                return Absent.VALUE;
            }
            return date.get();
        }

        private Object instant(String text, Field field, String path) {
            Optional<Instant> instant = DateRange.instant(text);
            if (instant.isEmpty()) {
                problem(path, "must be " + field.describeAllowed());
                return Absent.VALUE;
            }
            return instant.get();
        }

        private Object readStrings(JsonParser p, Field field, String path) throws IOException {
            List<String> list = new ArrayList<>();
            boolean ok = true;
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                if (t != JsonToken.VALUE_STRING) {
                    problem(path + "[" + i + "]", "must be a string");
                    p.skipChildren();
                    ok = false;
                } else if (field.type() == FieldType.ENUM_LIST) {
                    Object value = allowed(p.getText(), field, path + "[" + i + "]");
                    ok &= value != Absent.VALUE;
                    list.add(String.valueOf(value));
                } else {
                    list.add(p.getText());
                }
            }
            return ok ? List.copyOf(list) : Absent.VALUE;
        }

        private Object readItems(JsonParser p, Field field, String path) throws IOException {
            Shape items = field.items().orElseThrow();
            List<Item> list = new ArrayList<>();
            int before = problems.size();
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                String itemPath = path + "[" + i + "]";
                if (t != JsonToken.START_OBJECT) {
                    problem(itemPath, "must be an object");
                    p.skipChildren();
                    continue;
                }
                Object[] values = newValues(items);
                readObject(p, items.tree(), items, values, itemPath);
                list.add(new Item(items, i, values));
            }
            return problems.size() == before ? List.copyOf(list) : Absent.VALUE;
        }
    }
}
