package org.pumpauth.policy.compile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pumpauth.policy.compile.Yaml.Node;
import org.pumpauth.policy.compile.Yaml.Position;

/** The problems found in one policy file, each with where it is, collected so all are reported at once. */
final class Diagnostics {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    Diagnostics(String file) {
        this.file = file;
    }

    void report(Node at, Diagnostic diagnostic, Object... parts) {
        report(at == null ? Position.START : at.at(), diagnostic, parts);
    }

    void report(Position at, Diagnostic diagnostic, Object... parts) {
        problems.add(new Problem(file, at.line(), at.column(), diagnostic, diagnostic.message(parts)));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In the order of the file. */
    List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(sorted);
    }
}
