package org.pumpauth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.compile.PolicyCompiler;
import org.pumpauth.policy.load.BuiltInPolicies;
import org.pumpauth.policy.load.PolicyFiles;

/** The shipped policy files: all built in, all compiling, every citation a real heading of its source. */
class PolicyFilesTest {
    private static final Path POLICIES = Path.of("../policies");

    @Test
    void every_policy_file_is_built_in_without_a_list_kept_by_hand() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(POLICIES)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> POLICIES.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(BuiltInPolicies.files()).isEqualTo(files).hasSize(7);
        int versions = PolicyRegistry.builtIn().policies().stream().mapToInt(p -> p.versions().size()).sum();
        assertThat(versions).isEqualTo(files.size());
    }

    @Test
    void every_shipped_policy_compiles_with_no_problem_and_no_undeclared_pathway_overlap() throws IOException {
        for (String file : BuiltInPolicies.files()) {
            assertThat(PolicyCompiler.check(file, Files.readString(POLICIES.resolve(file)))).as(file).isEmpty();
        }
    }

    @Test
    void every_citation_names_a_heading_that_its_source_document_contains() throws IOException {
        for (Policy policy : PolicyRegistry.builtIn().policies()) {
            for (PolicyVersion version : policy.versions()) {
                String source = Files.readString(POLICIES.resolve("sources").resolve(version.source()))
                        .toLowerCase(Locale.ROOT);
                List<Criterion> all = new ArrayList<>(version.scope());
                version.pathways().forEach(p -> all.addAll(p.criteria()));
                for (Criterion criterion : Criteria.byId(all).values()) {
                    assertThat(source).as(version.key() + " " + criterion.meta().id() + " cites " + criterion.meta().citation())
                            .contains(section(criterion.meta().citation()));
                }
                for (Pathway pathway : version.pathways()) {
                    assertThat(source).as(version.key() + " pathway " + pathway.id() + " cites " + pathway.citation())
                            .contains(section(pathway.citation()));
                }
            }
        }
    }

    @Test
    void a_directory_of_policy_files_loads_like_the_built_in_policies() throws IOException {
        PolicyRegistry fromFiles = PolicyFiles.fromDirectory(POLICIES);
        assertThat(fromFiles.policies()).extracting(Policy::id)
                .containsExactlyElementsOf(PolicyRegistry.builtIn().policies().stream().map(Policy::id).toList());
    }

    private static String section(String citation) {
        return citation.substring(citation.indexOf(" § ") + 3).toLowerCase(Locale.ROOT);
    }
}
