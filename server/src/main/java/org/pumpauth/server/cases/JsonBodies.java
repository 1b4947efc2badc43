package org.pumpauth.server.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/** Reads a body as a JSON tree; what is not JSON is an invalid request that names the place, never the text. */
final class JsonBodies {
    private JsonBodies() {}

    static JsonNode tree(ObjectMapper mapper, byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the text; give the place only.
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidRequestException(List.of(new Problem("", "not valid JSON" + where)));
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(new Problem("", "not valid JSON")));
        }
    }
}
