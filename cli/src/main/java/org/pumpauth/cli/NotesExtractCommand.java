package org.pumpauth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pumpauth.notes.NoteFact;
import org.pumpauth.notes.NoteJson;
import org.pumpauth.notes.NoteReader;
import org.pumpauth.notes.NoteText;
import org.pumpauth.notes.Span;
import org.pumpauth.notes.UnreadableNoteException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pumpauth notes extract FILE...}: the request facts each note states, with their evidence. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Print, per plain-text note (UTF-8), the request facts it states: the request-contract field,",
            "its value, the assertion and the evidence (character offsets, end exclusive, and the words).",
            "Proposals for a person to confirm, never decisions.",
            "Exit status: 0; 2 when a file cannot be read as a note (the others are still read)."})
final class NotesExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per file and line: {\"document\", \"facts\": [...]}.")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Plain-text notes.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NoteReader reader = new NoteReader();
        int status = 0;
        for (Path file : files) {
            List<NoteFact> facts;
            try {
                facts = reader.read(NoteText.decode(Files.readAllBytes(file)));
            } catch (NoSuchFileException e) {
                err.println("pumpauth: " + file + ": no such file");
                status = Main.INVALID_INPUT;
                continue;
            } catch (IOException e) {
                err.println("pumpauth: " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
                status = Main.INVALID_INPUT;
                continue;
            } catch (UnreadableNoteException e) {
                err.println("pumpauth: " + file + ": " + e.getMessage());
                status = Main.INVALID_INPUT;
                continue;
            }
            if (json) {
                ObjectNode line = JSON.createObjectNode();
                line.put("document", file.toString());
                line.set("facts", NoteJson.facts(facts));
                out.println(JSON.writeValueAsString(line));
            } else {
                out.println(file + ": " + facts.size() + (facts.size() == 1 ? " fact" : " facts"));
                for (NoteFact fact : facts) {
                    out.println("  " + fact.field() + " = " + fact.value() + "  (" + fact.assertion().summary() + ")");
                    for (Span span : fact.evidence()) {
                        out.println("      " + span.start() + "-" + span.end() + "  \"" + span.text().replace("\n", "\\n") + "\"");
                    }
                }
            }
        }
        out.flush();
        return status;
    }
}
