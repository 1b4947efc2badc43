package org.pumpauth.policy.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.pumpauth.policy.PolicyLoadException;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.compile.PolicyCompiler;
import org.pumpauth.policy.compile.TableFiles;

/**
 * The policy files shipped with pumpauth: every {@code *.yaml} file the build copied from
 * {@code policies/} to {@code org/pumpauth/policies/}, found where they are (a folder of classes or a
 * jar), so no list of them is kept by hand.
 */
public final class BuiltInPolicies {
    private static final String DIR = "org/pumpauth/policies/";
    /** A file that is always beside the policy files, to find where they are. */
    private static final String MARKER = DIR + "codes.tsv";

    private BuiltInPolicies() {}

    /** Every shipped policy version, compiled; all problems of all files in one exception. */
    public static PolicyRegistry registry() {
        List<String> problems = new ArrayList<>();
        List<PolicyVersion> versions = new ArrayList<>();
        for (String file : files()) {
            try {
                versions.add(PolicyCompiler.compile(file, resource(DIR + file), tablesBeside(file)));
            } catch (PolicyLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        return PolicyRegistry.of(versions);
    }

    /** The shipped policy files, relative to the policies folder ({@code nia-cg-310/2024-01-01.yaml}), sorted. */
    public static List<String> files() {
        URL marker = BuiltInPolicies.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new PolicyLoadException(List.of(MARKER + ":1:1: missing from the build"));
        }
        try {
            return marker.getProtocol().equals("jar") ? inJar(marker) : inFolder(Path.of(marker.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the policies' location is not a file: " + marker, e);
        }
    }

    private static List<String> inJar(URL marker) throws IOException {
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        List<String> files = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith(DIR) && name.endsWith(".yaml")) {
                    files.add(name.substring(DIR.length()));
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static List<String> inFolder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** The table files a shipped policy names, read beside it in the build. */
    private static TableFiles tablesBeside(String file) {
        String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        return name -> {
            try (InputStream in = BuiltInPolicies.class.getClassLoader().getResourceAsStream(DIR + folder + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static String resource(String name) {
        try (InputStream in = BuiltInPolicies.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new PolicyLoadException(List.of(name + ":1:1: missing from the build"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
