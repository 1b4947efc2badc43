package org.pumpauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every link a reader of a clone can follow leads somewhere: the Markdown links of the README,
 * docs/, policies/ and every other README to files and anchors that exist; every ruling an
 * interpretation note names to its anchor in docs/rulings.md; and the documents the JSON Schemas
 * and the OpenAPI document name to files and anchors in docs/.
 */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern ANCHOR = Pattern.compile("<a (?:id|name)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#*$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    /** A ruling's name as notes write it: G1-G15, and the per-policy ones (N24-1, NCD-2, B-7, C-3, S-1, ...). */
    private static final Pattern RULING = Pattern.compile("\\b(G\\d{1,2}|N2[34]-\\d+|NCD-\\d+|[BCS]-\\d+)\\b");
    private static final Pattern DOC_MENTION = Pattern.compile("\\b(docs/[\\w./-]+\\.md)(#[\\w-]+)?");

    @Test
    void every_markdown_link_to_a_file_in_the_repository_resolves_with_its_anchor() {
        List<String> broken = new ArrayList<>();
        for (Path file : files(".md")) {
            String text = FENCE.matcher(read(file)).replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:: outside the clone
                }
                check(file, target, broken);
            }
        }
        assertThat(broken).as("links that lead nowhere in a clone").isEmpty();
    }

    @Test
    void every_ruling_an_interpretation_note_names_has_its_anchor_in_the_rulings() {
        Set<String> anchors = anchors(ROOT.resolve("docs/rulings.md"));
        Set<String> missing = new TreeSet<>();
        int named = 0;
        for (Path file : files(".yaml")) {
            if (!ROOT.relativize(file).startsWith("policies")) {
                continue;
            }
            for (String line : read(file).split("\n")) {
                if (!line.strip().startsWith("interpretation:")) {
                    continue;
                }
                Matcher ruling = RULING.matcher(line);
                while (ruling.find()) {
                    named++;
                    if (!anchors.contains(ruling.group(1).toLowerCase(Locale.ROOT))) {
                        missing.add(ROOT.relativize(file) + ": " + ruling.group(1));
                    }
                }
            }
        }
        assertThat(named).as("rulings named by interpretation notes").isGreaterThan(50);
        assertThat(missing).as("rulings named in notes without an anchor in docs/rulings.md").isEmpty();
    }

    @Test
    void the_documents_the_schemas_and_the_openapi_document_name_exist_with_their_anchors() {
        List<Path> files = new ArrayList<>(files(".schema.json"));
        files.add(ROOT.resolve("server/src/main/resources/org/pumpauth/server/http/openapi.json"));
        List<String> broken = new ArrayList<>();
        int mentions = 0;
        for (Path file : files) {
            Matcher mention = DOC_MENTION.matcher(read(file));
            while (mention.find()) {
                mentions++;
                String target = mention.group(1) + (mention.group(2) == null ? "" : mention.group(2));
                Path resolved = ROOT.resolve(mention.group(1));
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (no such file)");
                } else if (mention.group(2) != null && !anchors(resolved).contains(mention.group(2).substring(1))) {
                    broken.add(ROOT.relativize(file) + ": " + target + " (no such anchor)");
                }
            }
        }
        assertThat(mentions).as("documents named by the schemas and the OpenAPI document").isGreaterThan(2);
        assertThat(broken).isEmpty();
    }

    private static void check(Path from, String target, List<String> broken) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        String where = ROOT.relativize(from) + ": " + target;
        if (!resolved.startsWith(ROOT)) {
            broken.add(where + " (outside the repository)");
        } else if (!Files.exists(resolved)) {
            broken.add(where + " (no such file)");
        } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
            broken.add(where + " (no such anchor)");
        }
    }

    /** The anchors of a Markdown file: explicit {@code <a id>}s and GitHub's heading slugs. */
    static Set<String> anchors(Path markdown) {
        String text = read(markdown);
        Set<String> anchors = new HashSet<>();
        Matcher explicit = ANCHOR.matcher(text);
        while (explicit.find()) {
            anchors.add(explicit.group(1));
        }
        Matcher heading = HEADING.matcher(FENCE.matcher(text).replaceAll(""));
        Set<String> seen = new HashSet<>();
        while (heading.find()) {
            String slug = slug(heading.group(1));
            String unique = slug;
            for (int n = 1; !seen.add(unique); n++) {
                unique = slug + "-" + n;
            }
            anchors.add(unique);
        }
        return anchors;
    }

    /** GitHub's anchor for a heading: lower case, links and code marks dropped, punctuation but - and _ dropped, spaces as hyphens. */
    static String slug(String heading) {
        String plain = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[`*]", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The repository's files ending in {@code suffix}, outside build output and hidden folders. */
    private static List<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> {
                        Path rel = ROOT.relativize(p);
                        for (Path part : rel) {
                            String name = part.toString();
                            if (name.equals("target") || name.startsWith(".") || name.equals("node_modules")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
