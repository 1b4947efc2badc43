package org.pumpauth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.request.RequestReader;
import org.pumpauth.schema.Schemas;

/**
 * Beyond the examples and cases: random requests over every contract field follow the request
 * schema, and the determinations every policy in force gives them follow the determination schema.
 */
class RandomRequestsSchemaTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final Review REVIEW = new Review(PolicyRegistry.builtIn());
    private static final JsonSchema REQUEST = Schemas.load(Schemas.REQUEST);
    private static final JsonSchema DETERMINATION = Schemas.strict(Schemas.DETERMINATION);

    @Test
    void random_requests_and_their_determinations_follow_the_schemas() {
        qt().withFixedSeed(2020L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            ObjectNode json = RandomRequests.request(seed);
            assertThat(Schemas.violations(REQUEST, json)).as("request " + json).isEmpty();
            for (Determination d : REVIEW.compare(new RequestReader().read(json.toString()), TODAY)) {
                String out = DeterminationJson.toJson(d);
                assertThat(Schemas.violations(DETERMINATION, tree(out)))
                        .as("determination under " + d.policy() + " of " + json + "\n" + out).isEmpty();
            }
        });
    }

    private static JsonNode tree(String json) {
        try {
            return RandomRequests.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
