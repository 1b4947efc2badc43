package org.pumpauth.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.DeterminationJson;

/**
 * A determination's JSON as the UTF-8 bytes of {@link DeterminationJson#toJson}, byte for byte, written
 * as bytes (Parquet stores UTF-8): no string of it is made and encoded. One per task: not thread-safe.
 */
final class DeterminationBytes {
    /** A character beyond the Basic Multilingual Plane as its four UTF-8 bytes, as the string's encoding gives it. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final ByteArrayBuilder out = new ByteArrayBuilder(8192);

    byte[] of(Determination determination) {
        out.reset();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            DeterminationJson.write(determination, json);
        } catch (IOException | IllegalArgumentException e) {
            // A lone surrogate (half an emoji, say): its string encodes it as '?', which the generator will not do.
            return DeterminationJson.toJson(determination).getBytes(StandardCharsets.UTF_8);
        }
        return out.toByteArray();
    }
}
