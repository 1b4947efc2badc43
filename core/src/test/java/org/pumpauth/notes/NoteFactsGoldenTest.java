package org.pumpauth.notes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full extraction of the notes the benchmarks and the README read, pinned: every fact, value,
 * assertion and evidence span of the 2 KB benchmark note, the ten development pump notes and the
 * README's example note, as {@code pumpauth notes extract --json} prints them (facts/NAME.facts.json).
 * A change made for speed must leave every one of them as it is.
 */
class NoteFactsGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/org/pumpauth/notes/facts");

    static Stream<Arguments> notes() throws IOException {
        Stream<Path> dev;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/org/pumpauth/notes/pump-dev"))) {
            dev = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
        return Stream.concat(
                        Stream.of(Path.of("../bench/src/main/resources/org/pumpauth/bench/note-2kb.txt"),
                                Path.of("../examples/notes/trial-then-implant-request.txt")),
                        dev)
                .map(p -> Arguments.of(p.getFileName().toString(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notes")
    void the_reader_reads_the_note_into_exactly_its_pinned_facts(String name, Path note) throws IOException {
        String facts = NoteJson.facts(new NoteReader().read(Files.readString(note))).toString();
        String pinned = JSON.readTree(GOLDEN.resolve(name.replace(".txt", ".facts.json")).toFile()).toString();

        assertThat(facts).isEqualTo(pinned);
    }
}
