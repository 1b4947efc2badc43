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
import org.pumpauth.terminology.Terminology;

/**
 * Compiles a policy file (YAML, see {@code policies/README.md}) into an immutable
 * {@link PolicyVersion}, checking every key, fact name, operator, value and citation. It reports
 * every problem it finds, each as {@code file:line:column: message} (a {@link Diagnostic}).
 *
 * <p>This class reads the file's top-level structure; each part has its own parser:
 * {@link PathwayParser}, {@link CriterionParser} and the parser of each kind of criterion,
 * {@link DocumentationParser}; {@link FactResolver} resolves fact names, and {@link Diagnostics}
 * collects the problems.
 */
public final class PolicyCompiler {
    private final String file;
    private final Diagnostics diagnostics;
    private final Keys keys;
    private final TableFiles tables;

    private PolicyCompiler(String file, TableFiles tables) {
        this.file = file;
        this.diagnostics = new Diagnostics(file);
        this.keys = new Keys(diagnostics);
        this.tables = tables;
    }

    /**
     * @param file the name to report problems against
     * @param text the YAML text
     * @throws PolicyLoadException with every problem found
     */
    public static PolicyVersion compile(String file, String text) {
        return compile(file, text, TableFiles.NONE);
    }

    /**
     * @param tables reads the table files the policy names ({@code tables:}), beside the policy file
     * @throws PolicyLoadException with every problem found
     */
    public static PolicyVersion compile(String file, String text, TableFiles tables) {
        PolicyCompiler compiler = new PolicyCompiler(file, tables);
        Optional<PolicyVersion> version = compiler.compile(text);
        if (version.isEmpty()) {
            throw new PolicyLoadException(compiler.diagnostics.problems().stream().map(Problem::toString).toList());
        }
        return version.get();
    }

    /** Every problem in the file, in the order of the file's parts; none when it compiles. */
    public static List<Problem> check(String file, String text) {
        return check(file, text, TableFiles.NONE);
    }

    /** Every problem in the file, its table files read with {@code tables}; none when it compiles. */
    public static List<Problem> check(String file, String text, TableFiles tables) {
        PolicyCompiler compiler = new PolicyCompiler(file, tables);
        compiler.compile(text);
        return compiler.diagnostics.problems();
    }

    private Optional<PolicyVersion> compile(String text) {
        Node root;
        try {
            root = Yaml.parse(text);
        } catch (Yaml.SyntaxError e) {
            diagnostics.report(e.at, e.diagnostic, e.detail);
            return Optional.empty();
        }
        if (!(root instanceof MapNode)) {
            diagnostics.report(root, Diagnostic.FILE_NOT_A_MAPPING, root.kind());
            return Optional.empty();
        }
        MapNode top = (MapNode) root;
        keys.unknown(top, Keys.TOP, "a policy file");
        String id = keys.required(top, "policy", "a policy file");
        LocalDate version = keys.date(top, "version", "a policy file");
        String title = keys.required(top, "title", "a policy file");
        String payer = keys.required(top, "payer", "a policy file");
        String source = keys.required(top, "source", "a policy file");
        Optional<String> reconstructed = keys.optional(top, "reconstructed");
        List<String> codes = keys.strings(top.get("codes"), "codes");
        List<DocumentationItem> documentation = new DocumentationParser(diagnostics, keys).entries(top.get("documentation"));
        Optional<Terminology> ownTables = new TablesParser(diagnostics, keys, tables).tables(top.get("tables"));

        FactResolver facts = new FactResolver(diagnostics, keys);
        MetaParser meta = new MetaParser(diagnostics, keys, source);
        CriterionParser criteria = new CriterionParser(diagnostics, keys, meta, facts);
        criteria.definitions().define(top.get("define"));
        List<Criterion> scope = criteria.topLevel(top.get("scope"), "scope", Optional.empty());
        List<Pathway> pathways = new PathwayParser(diagnostics, keys, meta, facts, criteria, source)
                .pathways(top.get("pathways"), top, scope);
        criteria.definitions().checkUnused();
        if (!diagnostics.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyVersion(
                id, version, title, payer, source, reconstructed, codes, scope, pathways, documentation, file, ownTables));
    }
}
