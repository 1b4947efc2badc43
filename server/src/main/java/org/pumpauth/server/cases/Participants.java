package org.pumpauth.server.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.List;

/** A peer-to-peer conversation's participants as stored: a JSON array of strings. */
final class Participants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Participants() {}

    static String write(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    static List<String> read(String json) {
        try {
            return JSON.readValue(json, TypeFactory.defaultInstance().constructCollectionType(List.class, String.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("peer_to_peer.participants holds a JSON array of strings");
        }
    }
}
