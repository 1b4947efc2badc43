package org.pumpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pumpauth.server.letters.IssuedLetter;
import org.pumpauth.server.letters.Letter;
import org.pumpauth.server.letters.LetterPdf;
import org.pumpauth.server.letters.Letters;
import org.pumpauth.server.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pumpauth letters CASE-ID}: a case's letters from the service's database, listed or saved as HTML and PDF. */
@Command(name = "letters", mixinStandardHelpOptions = true,
        description = {"List a case's letters (id, kind, issued, SHA-256 of the HTML), oldest first; with --out, save each",
            "as HTML and PDF. Reads the service's database (--data or --db), also while the server runs.",
            "Exit status: 0; 1 when the case has no letters or does not exist."})
final class LettersCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "CASE-ID", description = "The case's id, as the API answers it.")
    String caseId;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Save each letter as N-KIND.html and N-KIND.pdf in DIR (created if need be).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        try (Database db = Database.open(database.settings(), 2)) {
            List<Letter> letters = db.jdbi().withHandle(h -> Letters.list(h, caseId));
            if (letters.isEmpty()) {
                // The id is not repeated: it may be anything a person typed.
                spec.commandLine().getErr().println("pumpauth: no letters for that case id (no such case, or none issued yet)");
                return 1;
            }
            if (out != null) {
                Files.createDirectories(out);
            }
            int n = 0;
            for (Letter letter : letters) {
                n++;
                stdout.println(letter.id() + "  " + letter.kind().code() + "  " + letter.createdAt() + "  " + letter.sha256());
                if (out != null) {
                    IssuedLetter issued = db.jdbi().withHandle(h -> Letters.find(h, caseId, letter.id())).orElseThrow();
                    String base = n + "-" + letter.kind().code();
                    Files.writeString(out.resolve(base + ".html"), issued.html().content(), StandardCharsets.UTF_8);
                    Files.write(out.resolve(base + ".pdf"), LetterPdf.render(issued));
                    stdout.println("  saved " + out.resolve(base + ".html") + ", " + out.resolve(base + ".pdf"));
                }
            }
            return 0;
        }
    }
}
