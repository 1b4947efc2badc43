package org.pumpauth.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.pumpauth.policy.PolicyVersion;

/**
 * What makes a report reproducible: the input's SHA-256 (over its files, by path), each policy
 * file's SHA-256, the product's version and the run's date.
 *
 * @param inputSha256 SHA-256 of the lines {@code <file's SHA-256>  <path under the input>}, one per
 *     file in path order (for a single file, of that one line); "not computed" for a path on a
 *     cluster's file system
 */
record Provenance(String input, String inputSha256, int inputFiles, List<PolicyFile> policies, String productVersion,
        String sparkVersion, Instant runAt) {

    /** A policy version, the file it was compiled from and that file's SHA-256. */
    record PolicyFile(String version, String file, String sha256) {}

    static Provenance of(String input, List<PolicyVersion> versions, String sparkVersion) {
        List<PolicyFile> policies = versions.stream().map(v -> new PolicyFile(v.key(), v.file(), policySha256(v))).toList();
        String[] hash = inputSha256(input);
        return new Provenance(input, hash[0], Integer.parseInt(hash[1]), policies, Main.productVersion(), sparkVersion,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String policySha256(PolicyVersion version) {
        try (InputStream in = PolicyVersion.class.getClassLoader().getResourceAsStream("org/pumpauth/policies/" + version.file())) {
            return in == null ? "not found" : sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] inputSha256(String input) {
        try {
            if (URI.create(input).getScheme() != null && URI.create(input).getScheme().length() > 1) {
                return new String[] {"not computed (not a local path)", "0"};
            }
        } catch (IllegalArgumentException e) {
            // a local path with characters a URI does not take
        }
        Path root = Path.of(input);
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .sorted().toList();
            StringBuilder lines = new StringBuilder();
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    String name = Files.isDirectory(root) ? root.relativize(file).toString() : file.getFileName().toString();
                    lines.append(sha256(in)).append("  ").append(name).append('\n');
                }
            }
            return new String[] {sha256(new java.io.ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8))),
                String.valueOf(files.size())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
