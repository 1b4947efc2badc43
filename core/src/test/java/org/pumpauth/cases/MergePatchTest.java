package org.pumpauth.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A case's patch is applied as RFC 7396 says: its Appendix A, every example. */
class MergePatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'a':'b'}                 | {'a':'c'}           | {'a':'c'}",
        "{'a':'b'}                 | {'b':'c'}           | {'a':'b','b':'c'}",
        "{'a':'b'}                 | {'a':null}          | {}",
        "{'a':'b','b':'c'}         | {'a':null}          | {'b':'c'}",
        "{'a':['b']}               | {'a':'c'}           | {'a':'c'}",
        "{'a':'c'}                 | {'a':['b']}         | {'a':['b']}",
        "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}         | {'a':[1]}           | {'a':[1]}",
        "['a','b']                 | ['c','d']           | ['c','d']",
        "{'a':'b'}                 | ['c']               | ['c']",
        "{'a':'foo'}               | null                | null",
        "{'a':'foo'}               | 'bar'               | 'bar'",
        "{'e':null}                | {'a':1}             | {'e':null,'a':1}",
        "[1,2]                     | {'a':'b','c':null}  | {'a':'b'}",
        "{}                        | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
    })
    void a_patch_merges_as_rfc_7396_appendix_a_says(String target, String patch, String result) throws IOException {
        JsonNode before = json(target);
        JsonNode merged = MergePatch.apply(before, json(patch));

        assertThat(merged).isEqualTo(json(result));
        assertThat(before).as("the base is not changed").isEqualTo(json(target));
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }
}
