package org.pumpauth.fhir;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every FHIR answer the tests of this module read, for {@link ResponsesValidTest} to validate. */
final class Answers {
    private static final List<String> ALL = new CopyOnWriteArrayList<>();

    private Answers() {
    }

    static void keep(String body) {
        ALL.add(body);
    }

    static List<String> all() {
        return List.copyOf(ALL);
    }
}
