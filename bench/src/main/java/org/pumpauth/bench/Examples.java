package org.pumpauth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The example requests of {@code examples/*.json}, which the build copies into the benchmark jar
 * (under {@value #DIR}), so that {@code benchmarks.jar} runs from any directory. Sorted by name.
 */
final class Examples {
    static final String DIR = "org/pumpauth/bench/examples/";

    /** One example file: its name and its bytes as sent. */
    record Example(String name, byte[] bytes) {}

    private Examples() {}

    /**
     * The examples that name their policy: one determination each. The {@code compare-*} examples
     * name none (they are for {@code pumpauth compare}, under every policy) and are left out.
     */
    static List<Example> all() {
        List<String> names = names().stream().filter(n -> !n.startsWith("compare-")).toList();
        if (names.isEmpty()) {
            throw new IllegalStateException("no examples under " + DIR + " in the benchmark's classpath");
        }
        List<Example> examples = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("example " + name + " listed but not readable");
                }
                examples.add(new Example(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return examples;
    }

    /** The names of the bundled examples, from the jar or from the classes directory. */
    private static List<String> names() {
        Path where;
        try {
            where = Path.of(Examples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(where)) {
                Path dir = where.resolve(DIR);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(names::add);
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(where.toFile())) {
                    jar.stream().map(ZipEntry::getName)
                            .filter(n -> n.startsWith(DIR) && n.endsWith(".json") && n.indexOf('/', DIR.length()) < 0)
                            .map(n -> n.substring(DIR.length()))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }
}
