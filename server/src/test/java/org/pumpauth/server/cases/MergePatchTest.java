package org.pumpauth.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7396 merge patch: the examples of its Appendix A, and the canonical JSON that compares bodies. */
class MergePatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"a\":\"b\"}                | {\"a\":\"c\"}              | {\"a\":\"c\"}",
        "{\"a\":\"b\"}                | {\"b\":\"c\"}              | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}                | {\"a\":null}               | {}",
        "{\"a\":\"b\",\"b\":\"c\"}    | {\"a\":null}               | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}              | {\"a\":\"c\"}              | {\"a\":\"c\"}",
        "{\"a\":\"c\"}                | {\"a\":[\"b\"]}            | {\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}        | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}      | {\"a\":[1]}                | {\"a\":[1]}",
        "[\"a\",\"b\"]                | [\"c\",\"d\"]              | [\"c\",\"d\"]",
        "{\"a\":\"b\"}                | [\"c\"]                    | [\"c\"]",
        "{\"e\":null}                 | {\"a\":1}                  | {\"e\":null,\"a\":1}",
        "[1,2]                        | {\"a\":\"b\",\"c\":null}   | {\"a\":\"b\"}",
        "{}                           | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}"
    })
    void the_rfc_7396_examples_hold(String target, String patch, String result) throws Exception {
        assertThat(MergePatch.apply(JSON.readTree(target), JSON.readTree(patch))).isEqualTo(JSON.readTree(result));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"b\": 1, \"a\": [true, null]} | {\"a\":[true,null],\"b\":1}",
        "{\"n\": 7.50}                   | {\"n\":7.5}",
        "{\"n\": 1e2}                    | {\"n\":100}",
        "{\"s\": \"x\\\"y\"}             | {\"s\":\"x\\\"y\"}"
    })
    void canonical_json_sorts_members_and_spells_numbers_one_way(String json, String canonical) throws Exception {
        assertThat(CanonicalJson.of(JSON.readTree(json))).isEqualTo(canonical);
    }
}
