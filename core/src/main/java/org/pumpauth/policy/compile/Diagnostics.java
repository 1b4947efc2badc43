package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.List;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Position;

/** The problems found in one policy file, each with where it is, collected so all are reported at once. */
final class Diagnostics {
    private final String file;
    private final List<String> problems = new ArrayList<>();

    Diagnostics(String file) {
        this.file = file;
    }

    void report(Node at, String message) {
        report(at == null ? Position.START : at.at(), message);
    }

    void report(Position at, String message) {
        problems.add(file + ":" + at.line() + ": " + message);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
