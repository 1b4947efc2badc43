package org.pumpauth.request;

import java.util.List;

/**
 * One negative fixture per kind of invalid input a user meets, with the exact problems the reader
 * reports. {@link RequestReaderTest} checks the messages; {@link RequestSchemaTest} checks the JSON
 * Schema rejects the same requests (those that are JSON at all).
 */
final class InvalidRequests {
    private InvalidRequests() {}

    /** @param schemaRejects the JSON Schema can tell too: the text is JSON and the fault is one a schema states */
    record Fixture(String name, String json, List<String> problems, boolean schemaRejects) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String KINDS = "trial, implant, replacement, revision, removal, refill";

    /** A valid request with {@code members} added; single quotes stand for double quotes. */
    static String with(String members) {
        return json("{'requestId': 'R-1', 'service': {'kind': 'trial'}, " + members + "}");
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static List<Fixture> all() {
        return List.of(
                // an enumerated value the contract does not list
                fixture("unknown service kind", json("{'requestId': 'R-1', 'service': {'kind': 'implantation'}}"),
                        "service.kind: is not an allowed value; allowed: " + KINDS),
                fixture("unknown value in a list element", with("'intraspinalTrials': [{'mode': 'drip'}]"),
                        "intraspinalTrials[0].mode: is not an allowed value; allowed: bolus, continuous"),
                fixture("unknown value in an array of values",
                        with("'existingDevice': {'malfunctionEvidence': ['imaging', 'x-ray']}"),
                        "existingDevice.malfunctionEvidence[1]: is not an allowed value; allowed: "
                                + "interrogation-report, imaging, flow-study, end-of-battery-life"),
                fixture("enumerated value in the wrong case", with("'urgency': 'Expedited'"),
                        "urgency: is not an allowed value; allowed: standard, expedited"),

                // a number outside its range, one per kind of range
                fixture("pain score above 10", with("'pain': {'score': 11}"), "pain.score: must be a number from 0 to 10"),
                fixture("pain score below 0", with("'pain': {'score': -1}"), "pain.score: must be a number from 0 to 10"),
                fixture("relief above 100 percent",
                        with("'intraspinalTrials': [{'reliefPercent': 100}, {'reliefPercent': 150}]"),
                        "intraspinalTrials[1].reliefPercent: must be a number from 0 to 100"),
                fixture("age above 150", with("'member': {'age': 151}"), "member.age: must be a number from 0 to 150"),
                fixture("negative weeks", with("'conservativeTherapy': {'weeks': -6}"),
                        "conservativeTherapy.weeks: must be a number of at least 0"),
                fixture("negative days in a list element", with("'intraspinalTrials': [{'durationDays': -1}]"),
                        "intraspinalTrials[0].durationDays: must be a number of at least 0"),
                fixture("negative life expectancy", with("'indication': {'lifeExpectancyMonths': -0.5}"),
                        "indication.lifeExpectancyMonths: must be a number of at least 0"),

                // the wrong JSON type
                fixture("string for a number", with("'pain': {'score': '7'}"), "pain.score: must be a number from 0 to 10"),
                fixture("string for a boolean", with("'indication': {'terminal': 'yes'}"),
                        "indication.terminal: must be true or false"),
                fixture("number for a string", json("{'requestId': 42, 'service': {'kind': 'trial'}}"),
                        "requestId: must be a string"),
                fixture("number for an enumerated value", with("'urgency': 1"), "urgency: must be one of: standard, expedited"),
                fixture("boolean for a date", with("'serviceDate': true"), "serviceDate: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"),
                fixture("object for an array of strings",
                        json("{'requestId': 'R-1', 'service': {'kind': 'trial', 'codes': {}}}"),
                        "service.codes: must be an array of strings"),
                fixture("string for an array of values", with("'existingDevice': {'malfunctionEvidence': 'imaging'}"),
                        "existingDevice.malfunctionEvidence: must be an array of: "
                                + "interrogation-report, imaging, flow-study, end-of-battery-life"),
                fixture("string for an array of objects", with("'intraspinalTrials': 'two trials'"),
                        "intraspinalTrials: must be an array of objects"),
                fixture("array for an object", with("'member': []"), "member: must be an object"),
                fixture("number in an array of strings", with("'indication': {'diagnosisCodes': ['G35', 89.4]}"),
                        "indication.diagnosisCodes[1]: must be a string"),
                fixture("string in an array of objects", with("'medicationTrials': ['oral morphine']"),
                        "medicationTrials[0]: must be an object"),
                fixture("an array for the whole request", "[]", "a review request must be a JSON object"),

                // a required field missing
                fixture("requestId missing", json("{'service': {'kind': 'trial'}}"), "requestId: is required: a string"),
                fixture("requestId empty", json("{'requestId': '  ', 'service': {'kind': 'trial'}}"),
                        "requestId: must not be empty: a string"),
                fixture("requestId null", json("{'requestId': null, 'service': {'kind': 'trial'}}"),
                        "requestId: is required: a string"),
                fixture("service missing", json("{'requestId': 'R-1'}"), "service.kind: is required: one of: " + KINDS),
                fixture("service.kind missing", json("{'requestId': 'R-1', 'service': {'codes': ['62362']}}"),
                        "service.kind: is required: one of: " + KINDS),
                fixture("service not an object", json("{'requestId': 'R-1', 'service': 'implant'}"),
                        "service: must be an object", "service.kind: is required: one of: " + KINDS),

                // dates and instants
                fixture("a date that does not exist", with("'serviceDate': '2024-02-30'"),
                        "serviceDate: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"),
                fixture("a date in US order", with("'member': {'birthDate': '03/18/1961'}"),
                        "member.birthDate: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"),
                fixture("a date with a time", with("'intraspinalTrials': [{'date': '2024-01-05T10:00:00Z'}]"),
                        "intraspinalTrials[0].date: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"),
                fixture("an instant without a time", with("'receivedAt': '2024-03-01'"),
                        "receivedAt: must be an ISO-8601 instant with zone, e.g. 2026-03-02T09:30:00Z, from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z"),
                fixture("an instant without a zone", with("'receivedAt': '2024-03-01T09:30:00'"),
                        "receivedAt: must be an ISO-8601 instant with zone, e.g. 2026-03-02T09:30:00Z, from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z"),
                fixture("a date before 1900 (no member was born then)", with("'member': {'birthDate': '1899-12-31'}"),
                        "member.birthDate: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"),
                fixture("a date with a five-digit year", with("'serviceDate': '+10000-01-01'"),
                        "serviceDate: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"),
                fixture("an instant at Java's far past", with("'receivedAt': '-999999999-01-01T00:00:00Z'"),
                        "receivedAt: must be an ISO-8601 instant with zone, e.g. 2026-03-02T09:30:00Z, from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z"),
                readerOnly("an instant an offset pushes beyond Java's calendar", with("'receivedAt': '-999999999-01-01T00:00:00+18:00'"),
                        "receivedAt: must be an ISO-8601 instant with zone, e.g. 2026-03-02T09:30:00Z, from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z"),
                readerOnly("an instant whose offset takes it past 9999 in UTC", with("'receivedAt': '9999-12-31T23:00:00-05:00'"),
                        "receivedAt: must be an ISO-8601 instant with zone, e.g. 2026-03-02T09:30:00Z, from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z"),

                // beyond a schema: 1e400 is a number to JSON Schema, infinity to Java
                readerOnly("a number too large to be finite", with("'medicationTrials': [{'weeks': 1e400}]"),
                        "medicationTrials[0].weeks: must be a number of at least 0"),

                // text that is not one JSON object: a position, never the text
                readerOnly("JSON cut off", "{\"requestId\": \"R-1\",", "not valid JSON at line 1, column 21"),
                readerOnly("a missing comma on line 3",
                        "{\n  \"requestId\": \"R-1\"\n  \"service\": {\"kind\": \"trial\"}\n}",
                        "not valid JSON at line 3, column 3"),
                readerOnly("an unquoted word", with("'notes': [{'text': morphine}]"), "not valid JSON at line 1, column 80"),
                readerOnly("a key given twice", with("'requestId': 'R-2'"),
                        "duplicate field 'requestId' at line 1, column 63"),
                readerOnly("text after the request", with("'urgency': 'standard'") + " {}",
                        "more text after the request's closing brace at line 1, column 75"),
                readerOnly("nested deeper than the reader allows", with("'x': " + "[".repeat(1001) + "]".repeat(1001)),
                        "too large to read (nested too deep, or a number or string too long) at line 1, column 1057"),
                readerOnly("a number longer than the reader allows", with("'pain': {'score': 1" + "0".repeat(1200) + "}"),
                        "too large to read (nested too deep, or a number or string too long) at line 1, column 1271"),
                readerOnly("an empty document", "", "a review request must be a JSON object"));
    }

    private static Fixture fixture(String name, String json, String... problems) {
        return new Fixture(name, json, List.of(problems), true);
    }

    private static Fixture readerOnly(String name, String json, String... problems) {
        return new Fixture(name, json, List.of(problems), false);
    }
}
