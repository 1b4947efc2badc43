package org.pumpauth.policy.compile;

import java.util.Optional;

/**
 * How the compiler reads the table files a policy names ({@code tables: {drugs: my-drugs.tsv}}),
 * by the name the file gives; a loader reads them beside the policy file, so the compiler itself
 * touches no file.
 */
@FunctionalInterface
public interface TableFiles {
    /** No table files: a policy that names one is told it is not there. */
    TableFiles NONE = name -> Optional.empty();

    /** The text of the table file {@code name}, relative to the policy file; empty when there is none. */
    Optional<String> read(String name);
}
