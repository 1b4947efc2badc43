package org.pumpauth.policy.compile;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.DocumentationItem;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.PolicyLoadException;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.compile.Yaml.MapNode;
import org.pumpauth.policy.compile.Yaml.Node;

/**
 * Compiles a policy file (YAML, see {@code policies/README.md}) into an immutable
 * {@link PolicyVersion}, checking every key, fact name, operator, value and citation. It reports
 * every problem it finds, each with its place in the file, in one {@link PolicyLoadException}.
 *
 * <p>This class reads the file's structure; each part has its own parser: {@link PathwayParser},
 * {@link CriterionParser} and the parser of each kind of criterion, {@link DocumentationParser};
 * {@link FactResolver} resolves fact names, and {@link Diagnostics} collects the problems.
 */
public final class PolicyCompiler {
    private final String file;
    private final Diagnostics diagnostics;
    private final Keys keys;

    private PolicyCompiler(String file) {
        this.file = file;
        this.diagnostics = new Diagnostics(file);
        this.keys = new Keys(diagnostics);
    }

    /**
     * @param file the name to report problems against
     * @param text the YAML text
     * @throws PolicyLoadException with every problem found
     */
    public static PolicyVersion compile(String file, String text) {
        return new PolicyCompiler(file).compile(text);
    }

    private PolicyVersion compile(String text) {
        Node root;
        try {
            root = Yaml.parse(text);
        } catch (Yaml.SyntaxError e) {
            diagnostics.report(e.at, e.getMessage());
            throw new PolicyLoadException(diagnostics.problems());
        }
        if (!(root instanceof MapNode)) {
            diagnostics.report(root, "a policy file must be a mapping");
            throw new PolicyLoadException(diagnostics.problems());
        }
        MapNode top = (MapNode) root;
        keys.unknown(top, Keys.TOP, "a policy file");
        String id = keys.required(top, "policy");
        LocalDate version = keys.date(top, "version");
        String title = keys.required(top, "title");
        String payer = keys.required(top, "payer");
        String source = keys.required(top, "source");
        Optional<String> reconstructed = keys.optional(top, "reconstructed");
        List<String> codes = keys.strings(top.get("codes"), "codes");
        List<DocumentationItem> documentation = new DocumentationParser(diagnostics, keys).entries(top.get("documentation"));

        FactResolver facts = new FactResolver(diagnostics, keys);
        MetaParser meta = new MetaParser(diagnostics, keys, source);
        CriterionParser criteria = new CriterionParser(diagnostics, keys, meta, facts);
        criteria.definitions().define(top.get("define"));
        List<Criterion> scope = criteria.topLevel(top.get("scope"), "scope", Optional.empty());
        List<Pathway> pathways = new PathwayParser(diagnostics, keys, meta, facts, criteria, source)
                .pathways(top.get("pathways"), top, scope);
        if (!diagnostics.isEmpty()) {
            throw new PolicyLoadException(diagnostics.problems());
        }
        return new PolicyVersion(id, version, title, payer, source, reconstructed, codes, scope, pathways, documentation, file);
    }
}
