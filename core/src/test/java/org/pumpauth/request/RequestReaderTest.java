package org.pumpauth.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.pumpauth.request.InvalidRequests.json;
import static org.pumpauth.request.InvalidRequests.with;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pumpauth.request.InvalidRequestException.Problem;

/** Bad input as a user meets it: every problem named by field, with what is allowed, and nothing else. */
class RequestReaderTest {
    private static final RequestReader READER = new RequestReader();

    static List<InvalidRequests.Fixture> invalid() {
        return InvalidRequests.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void each_invalid_input_is_named_by_its_field_and_what_is_allowed(InvalidRequests.Fixture fixture) {
        assertThat(problems(fixture.json())).as(fixture.name()).containsExactlyElementsOf(fixture.problems());
    }

    @Test
    void every_problem_is_collected_before_the_reader_throws() {
        String request = json("{'service': {'kind': 'implantation', 'codes': '62362'}, 'pain': {'score': 12},"
                + " 'serviceDate': '2024-13-01', 'intraspinalTrials': [{'reliefPercent': -5, 'mode': 'drip'}],"
                + " 'member': {'sex': 'F'}}");

        assertThat(problems(request)).containsExactly(
                "service.kind: is not an allowed value; allowed: " + InvalidRequests.KINDS,
                "service.codes: must be an array of strings",
                "pain.score: must be a number from 0 to 10",
                "serviceDate: must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31",
                "intraspinalTrials[0].reliefPercent: must be a number from 0 to 100",
                "intraspinalTrials[0].mode: is not an allowed value; allowed: bolus, continuous",
                "member.sex: is not an allowed value; allowed: female, male, other, unknown",
                "requestId: is required: a string");
    }

    @Test
    void the_exception_message_lists_every_problem() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> READER.read(json("{'service': {'kind': 'implantation'}}")));

        assertThat(e.getMessage()).isEqualTo("service.kind: is not an allowed value; allowed: "
                + InvalidRequests.KINDS + "; requestId: is required: a string");
    }

    @Test
    void no_message_quotes_the_text_of_the_request() {
        // Clinical words in every place a value can be wrong, and in text that is not JSON.
        List<String> clinical = List.of("Jane Roe", "morphine 10 mg", "MS relapse", "G35 multiple sclerosis",
                "suicidal ideation", "HIV", "1961-03-18T", "4242");
        List<String> requests = List.of(
                json("{'requestId': 4242, 'service': {'kind': 'morphine 10 mg', 'codes': 'G35 multiple sclerosis'},"
                        + " 'member': {'id': ['Jane Roe'], 'sex': 'Jane Roe', 'birthDate': '1961-03-18T'},"
                        + " 'pain': {'score': 'MS relapse'}, 'indication': {'terminal': 'suicidal ideation',"
                        + " 'conditions': [4242]}, 'notes': [{'text': 4242, 'date': 'HIV'}], 'urgency': 'HIV'}"),
                json("{'requestId': 'R-1', 'notes': [{'text': suicidal ideation}]}"),
                json("{'requestId': 'R-1', 'notes': [{'text': 'HIV \u0001 morphine 10 mg'}]}"),
                "{\"requestId\": \"R-1\", \"notes\": [{\"text\": \"Jane Roe, MS relapse",
                "MS relapse");
        for (String request : requests) {
            List<String> problems = problems(request);
            assertThat(problems).as(request).isNotEmpty();
            for (String problem : problems) {
                assertThat(clinical).as("words of the request in: " + problem).noneMatch(problem::contains);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> every_number_field_rejects_values_outside_its_range() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Field field : RequestContract.REQUEST.fields()) {
            if (field.type() == FieldType.NUMBER) {
                tests.addAll(outOfRange(field, field.contractPath(), value -> nested(field.path(), value)));
            }
            field.items().ifPresent(items -> items.fields().stream().filter(f -> f.type() == FieldType.NUMBER)
                    .forEach(f -> tests.addAll(outOfRange(f, field.path() + "[0]." + f.path(),
                            value -> "{\"" + field.path() + "\": [" + nested(f.path(), value) + "]}"))));
        }
        assertThat(tests).as("number fields in the contract").isNotEmpty();
        return tests.stream();
    }

    private static List<DynamicTest> outOfRange(Field field, String at, java.util.function.Function<String, String> place) {
        List<String> values = new ArrayList<>(List.of(String.valueOf(field.min() - 1), "\"5\""));
        if (!Double.isInfinite(field.max())) {
            values.add(String.valueOf(field.max() + 0.5));
        }
        return values.stream().map(value -> DynamicTest.dynamicTest(field.contractPath() + " = " + value, () -> {
            String request = merge(place.apply(value));
            assertThat(problems(request)).as(request).containsExactly(at + ": must be " + field.describeAllowed());
        })).collect(Collectors.toList());
    }

    @Test
    void the_ends_of_each_range_are_allowed() {
        ReviewRequest request = READER.read(with("'pain': {'score': 10}, 'member': {'age': 0},"
                + " 'conservativeTherapy': {'weeks': 0}, 'intraspinalTrials': [{'reliefPercent': 0}, {'reliefPercent': 100}]"));

        assertThat(request.valueOf(RequestContract.field("pain.score"))).isEqualTo(10.0);
        assertThat(request.valueOf(RequestContract.field("member.age"))).isEqualTo(0.0);
    }

    @Test
    void fields_the_contract_does_not_know_are_ignored_and_named() {
        ReviewRequest request = READER.read(with("'diagnosisNarrative': 'text', 'pain': {'score': 7, 'location': 'back'},"
                + " 'intraspinalTrials': [{'reliefPercent': 60, 'dose': {'mg': 1}}]"));

        assertThat(request.ignoredFields())
                .containsExactly("diagnosisNarrative", "pain.location", "intraspinalTrials[0].dose");
        assertThat(request.valueOf(RequestContract.field("pain.score"))).isEqualTo(7.0);
    }

    @Test
    void null_states_nothing_so_the_field_stays_unknown() {
        ReviewRequest request = READER.read(with("'pain': {'score': null}, 'member': null, 'urgency': null,"
                + " 'intraspinalTrials': null, 'receivedAt': null"));

        assertThat(request.has(RequestContract.field("pain.score"))).isFalse();
        assertThat(request.has(RequestContract.field("urgency"))).isFalse();
        assertThat(request.has(RequestContract.field("intraspinalTrials"))).isFalse();
        assertThat(request.ignoredFields()).isEmpty();
    }

    @Test
    void an_instant_may_give_its_zone_as_an_offset() {
        ReviewRequest request = READER.read(with("'receivedAt': '2024-03-01T23:30:00-05:00'"));

        assertThat(request.receivedAt()).hasValueSatisfying(at -> assertThat(at).hasToString("2024-03-02T04:30:00Z"));
    }

    /** {@code a.b.c} and a JSON value as nested objects: {@code {"a": {"b": {"c": value}}}}. */
    private static String nested(String path, String value) {
        String[] parts = path.split("\\.");
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (String part : parts) {
            open.append("{\"").append(part).append("\": ");
            close.append('}');
        }
        return open + value + close;
    }

    /** A valid request with the members of {@code object} added. */
    private static String merge(String object) {
        return with(object.substring(1, object.length() - 1).replace('"', '\''));
    }

    private static List<String> problems(String request) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> READER.read(request));
        assertThat(e).as("an InvalidRequestException for " + request).isNotNull();
        return e.problems().stream().map(Problem::toString).collect(Collectors.toList());
    }
}
