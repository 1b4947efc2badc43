package org.pumpauth.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pumpauth.cases.CaseReader;
import org.pumpauth.cases.CaseRunner;
import org.pumpauth.cases.PolicyCase;
import org.pumpauth.determination.Outcome;
import org.pumpauth.engine.Engine;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.request.RequestReader;

/**
 * The requests {@code batch generate} varies: every policy case the project tests (each policy, each
 * pathway, each outcome, missing facts among them), with the outcome its own policy gives it.
 */
final class CaseTemplates {
    private static final String FOLDER = "org/pumpauth/batch/cases";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case's request, the policy it names (its id only) and the outcome it had under its own version. */
    record Template(String name, String policy, ObjectNode request, Outcome outcome) {}

    private CaseTemplates() {}

    static List<Template> load() {
        PolicyRegistry registry = PolicyRegistry.builtIn();
        Engine engine = new Engine();
        RequestReader reader = new RequestReader();
        List<Template> templates = new ArrayList<>();
        for (PolicyCase policyCase : new CaseReader().read(files())) {
            String spec = policyCase.policy().orElseThrow();
            PolicySelection selection = registry.select(spec);
            Outcome outcome = engine.evaluate(reader.read(policyCase.request()), selection, CaseRunner.AS_OF).outcome();
            try {
                ObjectNode request = (ObjectNode) JSON.readTree(policyCase.request());
                templates.add(new Template(policyCase.name(), selection.policy().id(), request, outcome));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return templates;
    }

    /** The cases' files by their path under the cases folder, from the jar or the build's classes. */
    private static Map<String, byte[]> files() {
        URL url = CaseTemplates.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException(FOLDER + " is missing from the build");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return read(jar.getPath(FOLDER));
            }
            return read(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
