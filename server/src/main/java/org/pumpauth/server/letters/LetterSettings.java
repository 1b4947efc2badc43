package org.pumpauth.server.letters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pumpauth.PumpauthException;

/**
 * What letters say about the plan (name, address, telephone numbers) and, per line of business, the
 * member's appeal rights: configuration read from a YAML file ({@code examples/letters.yaml} is the
 * example, and the built-in default), never code.
 */
public record LetterSettings(Plan plan, List<LineOfBusiness> linesOfBusiness) {
    private static final String BUILT_IN = "letters.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z.]+)}");

    public LetterSettings {
        linesOfBusiness = List.copyOf(linesOfBusiness);
    }

    /** The plan as letters name it. */
    public record Plan(String name, List<String> address, String memberServices, String tty, String fax, String website) {
        public Plan {
            address = List.copyOf(address);
        }
    }

    /** A line of business: the policies it applies and the appeal rights its denial letters state. */
    public record LineOfBusiness(String id, String name, boolean isDefault, List<String> policies, List<String> appealRights,
            List<String> afterReconsideration) {
        public LineOfBusiness {
            policies = List.copyOf(policies);
            appealRights = List.copyOf(appealRights);
            afterReconsideration = List.copyOf(afterReconsideration);
        }
    }

    /** The settings file could not be read, or says something letters cannot use; the message names the place. */
    public static final class InvalidSettingsException extends PumpauthException {
        private static final long serialVersionUID = 1L;

        InvalidSettingsException(String message) {
            super(message);
        }
    }

    /** The example shipped with pumpauth (the same text as {@code examples/letters.yaml}). */
    public static LetterSettings builtIn() {
        try (InputStream in = LetterSettings.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "the built-in letters.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a settings file ({@code serve --letters FILE}). */
    public static LetterSettings read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidSettingsException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, file.toString());
    }

    static LetterSettings parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new InvalidSettingsException(source + ": not valid YAML"
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                            ? " at line " + p.getLocation().getLineNr() : ""));
        }
        List<String> errors = new ArrayList<>();
        JsonNode p = root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root.path("plan");
        Plan plan = new Plan(text(p, "plan.name", errors), texts(p.path("address"), "plan.address", errors),
                text(p, "plan.memberServices", errors), text(p, "plan.tty", errors), text(p, "plan.fax", errors),
                text(p, "plan.website", errors));
        List<LineOfBusiness> lines = new ArrayList<>();
        JsonNode lobs = root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root.path("linesOfBusiness");
        if (!lobs.isArray() || lobs.isEmpty()) {
            errors.add("linesOfBusiness: is required: a list of lines of business, each with id, name, policies and appealRights");
        } else {
            for (int i = 0; i < lobs.size(); i++) {
                JsonNode l = lobs.get(i);
                String at = "linesOfBusiness[" + i + "]";
                lines.add(new LineOfBusiness(text(l, at + ".id", errors), text(l, at + ".name", errors),
                        l.path("default").asBoolean(false), texts(l.path("policies"), at + ".policies", errors),
                        texts(l.path("appealRights"), at + ".appealRights", errors),
                        l.has("afterReconsideration") ? texts(l.path("afterReconsideration"), at + ".afterReconsideration", errors)
                                : List.of()));
            }
            if (lines.stream().filter(LineOfBusiness::isDefault).count() > 1) {
                errors.add("linesOfBusiness: at most one line may be the default");
            }
        }
        for (LineOfBusiness line : lines) {
            List<String> all = new ArrayList<>(line.appealRights());
            all.addAll(line.afterReconsideration());
            for (String sentence : all) {
                Matcher m = PLACEHOLDER.matcher(sentence);
                while (m.find()) {
                    if (!Map.of("plan.name", 1, "plan.address", 1, "plan.memberServices", 1, "plan.tty", 1, "plan.fax", 1,
                            "plan.website", 1).containsKey(m.group(1))) {
                        errors.add("linesOfBusiness " + line.id() + ": appealRights: {" + m.group(1) + "} is not a"
                                + " placeholder; allowed: {plan.name}, {plan.address}, {plan.memberServices}, {plan.tty},"
                                + " {plan.fax}, {plan.website}");
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(source + ": " + String.join("; ", errors));
        }
        return new LetterSettings(plan, lines);
    }

    /** The line of business of a policy ({@code id} or {@code id@date}): the line that lists it, else the default. */
    public Optional<LineOfBusiness> lineOf(String policy) {
        String id = policy.contains("@") ? policy.substring(0, policy.indexOf('@')) : policy;
        return linesOfBusiness.stream().filter(l -> l.policies().contains(id)).findFirst()
                .or(() -> linesOfBusiness.stream().filter(LineOfBusiness::isDefault).findFirst());
    }

    /** A sentence of the settings with its placeholders replaced by the plan's values. */
    public String fill(String sentence) {
        return sentence.replace("{plan.name}", plan.name()).replace("{plan.address}", String.join(", ", plan.address()))
                .replace("{plan.memberServices}", plan.memberServices()).replace("{plan.tty}", plan.tty())
                .replace("{plan.fax}", plan.fax()).replace("{plan.website}", plan.website());
    }

    private static String text(JsonNode parent, String path, List<String> errors) {
        JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
        if (!node.isValueNode() || node.asText().isBlank()) {
            errors.add(path + ": is required: a non-empty text");
            return "";
        }
        return node.asText().strip();
    }

    private static List<String> texts(JsonNode node, String path, List<String> errors) {
        if (!node.isArray() || node.isEmpty()) {
            errors.add(path + ": is required: a list of texts");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText().strip()));
        return out;
    }
}
