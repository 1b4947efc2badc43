package org.pumpauth.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pumpauth.checklist.Checklist;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.policy.DocumentationItem;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.UnknownPolicyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pumpauth checklist}: what a provider must document for a pathway. */
@Command(name = "checklist", mixinStandardHelpOptions = true,
        description = "The documentation a provider must send for a service kind and indication under a policy version.")
final class ChecklistCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--policy"}, required = true, paramLabel = "ID[@DATE]",
            description = "The policy; @DATE picks the version in force on that date (default: the latest).")
    String policy;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "trial, implant, replacement, revision, removal or refill.")
    String kind;

    @Option(names = "--indication", required = true, paramLabel = "CATEGORY",
            description = "chronic-noncancer-pain, cancer-pain, spasticity, dystonia, chemotherapy or other.")
    String indication;

    @Option(names = "--json", description = "Print the checklist as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PolicyVersion version;
        try {
            PolicySelection selection = main.registry().select(policy);
            version = selection.version().orElse(selection.policy().latest());
        } catch (UnknownPolicyException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<Checklist> found = Checklist.of(version, kind, indication);
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("pumpauth: " + version.key() + " has no pathway for a " + kind
                    + " for " + indication);
            return Main.INVALID_INPUT;
        }
        Checklist checklist = found.get();
        if (json) {
            writeJson(checklist, out);
            return 0;
        }
        out.println("== Documentation checklist: " + version.key() + " " + version.title());
        out.println("Pathway " + checklist.pathway().id() + ": " + checklist.pathway().text());
        checklist.pathway().outcome().ifPresent(o -> out.println("The policy gives this pathway the outcome " + o
                + ": no documentation decides it."));
        int n = 1;
        for (Checklist.Item item : checklist.items()) {
            out.println();
            out.println(n++ + ". " + item.text());
            out.println("   [" + item.criterion() + "; " + item.citation() + "]");
            for (MissingInformation doc : item.documentation()) {
                out.println("   - " + doc.request() + " (" + doc.field() + ")");
            }
        }
        if (!checklist.policyDocumentation().isEmpty()) {
            out.println();
            out.println("The policy's own documentation list:");
            printDocumentation(checklist.policyDocumentation(), "  ", out);
        }
        return 0;
    }

    /** The policy's own list, each entry's sub-entries indented beneath it as in the source. */
    private static void printDocumentation(List<DocumentationItem> entries, String indent, PrintWriter out) {
        for (DocumentationItem entry : entries) {
            out.println(indent + "- " + entry.text());
            printDocumentation(entry.items(), indent + "    ", out);
        }
    }

    /** Each entry as {@code {"text": ..., "items": [...]}}, {@code items} only where the source lists some. */
    private static void writeDocumentation(List<DocumentationItem> entries, JsonGenerator json) throws IOException {
        json.writeStartArray();
        for (DocumentationItem entry : entries) {
            json.writeStartObject();
            json.writeStringField("text", entry.text());
            if (!entry.items().isEmpty()) {
                json.writeFieldName("items");
                writeDocumentation(entry.items(), json);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeJson(Checklist checklist, PrintWriter out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("policy");
            json.writeStringField("id", checklist.version().id());
            json.writeStringField("version", checklist.version().effectiveFrom().toString());
            json.writeStringField("title", checklist.version().title());
            json.writeEndObject();
            json.writeStringField("pathway", checklist.pathway().id());
            json.writeStringField("pathwayText", checklist.pathway().text());
            if (checklist.pathway().outcome().isPresent()) {
                json.writeStringField("outcome", checklist.pathway().outcome().get().name());
            }
            json.writeArrayFieldStart("items");
            for (Checklist.Item item : checklist.items()) {
                json.writeStartObject();
                json.writeStringField("criterion", item.criterion());
                json.writeStringField("text", item.text());
                json.writeStringField("citation", item.citation());
                json.writeArrayFieldStart("documentation");
                for (MissingInformation doc : item.documentation()) {
                    json.writeStartObject();
                    json.writeStringField("field", doc.field());
                    json.writeStringField("request", doc.request());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("policyDocumentation");
            writeDocumentation(checklist.policyDocumentation(), json);
            json.writeEndObject();
        }
        out.println();
    }
}
