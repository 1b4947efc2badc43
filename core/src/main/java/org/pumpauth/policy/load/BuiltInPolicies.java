package org.pumpauth.policy.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pumpauth.policy.PolicyLoadException;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.policy.compile.PolicyCompiler;

/** The policy files shipped in the jar, listed in {@code org/pumpauth/policies/index.txt}. */
public final class BuiltInPolicies {
    private static final String DIR = "/org/pumpauth/policies/";

    private BuiltInPolicies() {}

    /** Every shipped policy version, compiled; all problems of all files in one exception. */
    public static PolicyRegistry registry() {
        List<String> problems = new ArrayList<>();
        List<PolicyVersion> versions = new ArrayList<>();
        for (String file : resourceLines(DIR + "index.txt")) {
            try {
                versions.add(PolicyCompiler.compile(file, resource(DIR + file)));
            } catch (PolicyLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        return PolicyRegistry.of(versions);
    }

    private static List<String> resourceLines(String name) {
        return resource(name).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = BuiltInPolicies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new PolicyLoadException(List.of(name + ":1: missing from the build"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
