package org.pumpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pumpauth.notes.Assertion;
import org.pumpauth.notes.AssertionKit;
import org.pumpauth.notes.AssertionScore;
import org.pumpauth.notes.ConText;
import org.pumpauth.notes.NoteText;
import org.pumpauth.notes.UnreadableNoteException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pumpauth notes assert FILE.tsv}: ConText's reading of each mention of a NegEx/ConText kit file. */
@Command(name = "assert", mixinStandardHelpOptions = true,
        description = {"Read a NegEx/ConText kit file (tab-separated, header: id phrase sentence, further columns",
            "ignored) and print id, negation, temporality and experiencer for each mention, with the kit's labels.",
            "When the file has the columns negation, temporality and experiencer, a summary of the agreement",
            "goes to standard error.",
            "Exit status: 0; 2 when the file cannot be read."})
final class NotesAssertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.tsv", description = "The mentions.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<AssertionKit.Mention> mentions;
        try {
            mentions = AssertionKit.parse(NoteText.decode(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            err.println("pumpauth: " + file + ": no such file");
            return Main.INVALID_INPUT;
        } catch (IOException e) {
            err.println("pumpauth: " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
            return Main.INVALID_INPUT;
        } catch (UnreadableNoteException e) {
            err.println("pumpauth: " + file + ": " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        ConText context = ConText.standard();
        List<Assertion> readings = new ArrayList<>();
        for (AssertionKit.Mention m : mentions) {
            Assertion a = m.assess(context);
            readings.add(a);
            out.println(m.id() + "\t" + a.negation().label() + "\t" + a.temporality().label() + "\t" + a.experiencer().label());
        }
        out.flush();
        AssertionScore score = AssertionScore.of(mentions, readings);
        if (score.labelled() > 0) {
            err.println(score.summary());
        }
        return 0;
    }
}
