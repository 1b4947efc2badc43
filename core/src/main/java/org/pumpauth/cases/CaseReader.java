package org.pumpauth.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;

/**
 * Reads a folder of policy cases, given as its files' text by path ({@code a/b/c.json}, relative to
 * the folder), so that the tests and {@code pumpauth policy test} read them the same way; the caller
 * reads the files. A file under a {@code bases/} folder is a base request; every other {@code .json}
 * file is a case, which names its base: {@code bases/NAME.json} in its own folder or the nearest
 * folder above it that has one. Every problem of every file is reported at once.
 */
public final class CaseReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASES = "bases";
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> CASE_MEMBERS = List.of("description", "exercises", "policy", "base", "patch", "expect");
    private static final List<String> EXPECT_MEMBERS = List.of("outcome", "version", "pathway", "missing", "criteria", "warnings");

    /** The cases in {@code files} (paths with {@code /}, text in UTF-8), sorted by name; non-JSON files are ignored. */
    public List<PolicyCase> read(Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> bases = new TreeMap<>();
        Map<String, JsonNode> cases = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (!path.endsWith(".json")) {
                return;
            }
            parse(path, bytes, problems).ifPresent(node -> (isBase(path) ? bases : cases).put(path, node));
        });
        List<PolicyCase> read = new ArrayList<>();
        cases.forEach((path, node) -> read(path, node, bases, problems).ifPresent(read::add));
        if (!problems.isEmpty()) {
            throw new CaseFormatException(problems);
        }
        return read;
    }

    private static boolean isBase(String path) {
        List<String> parts = Arrays.asList(path.split("/"));
        return parts.subList(0, parts.size() - 1).contains(BASES);
    }

    private static Optional<JsonNode> parse(String path, byte[] bytes, List<String> problems) {
        try {
            return Optional.of(JSON.readTree(bytes));
        } catch (JsonProcessingException e) {
            // The location only: the parser's message may quote the file's text, a patient's name say.
            problems.add(path + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": not valid JSON");
        } catch (IOException e) {
            problems.add(path + ": not readable");
        }
        return Optional.empty();
    }

    private static Optional<PolicyCase> read(String path, JsonNode node, Map<String, JsonNode> bases, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": must be an object with " + String.join(", ", CASE_MEMBERS));
            return Optional.empty();
        }
        int before = problems.size();
        unknownMembers(path, "", node, CASE_MEMBERS, problems);
        String description = text(path, node, "description", problems);
        if (description.isBlank() && node.path("description").isTextual()) {
            problems.add(path + ": description: must say what the case shows");
        }
        List<String> exercises = strings(path, "", node, "exercises", true, problems);
        Optional<String> policy = node.has("policy")
                ? Optional.of(text(path, node, "policy", problems))
                : policyOfFolder(path);
        String baseName = text(path, node, "base", problems);
        Optional<String> basePath = baseName.isEmpty() ? Optional.empty() : findBase(path, baseName, bases);
        if (!baseName.isEmpty() && basePath.isEmpty()) {
            problems.add(path + ": base: no bases/" + baseName + ".json in the case's folder or a folder above it");
        }
        JsonNode patch = node.path("patch");
        if (node.has("patch") && !patch.isObject()) {
            problems.add(path + ": patch: must be an object, a JSON merge patch (RFC 7396) of the base request");
        }
        Optional<Expectation> expect = expectation(path, node.path("expect"), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        JsonNode base = bases.get(basePath.orElseThrow());
        JsonNode request = node.has("patch") ? MergePatch.apply(base, patch) : base;
        return Optional.of(new PolicyCase(path.substring(0, path.length() - ".json".length()), description, exercises,
                policy, basePath.orElseThrow(), request.toString(), expect.orElseThrow()));
    }

    /** {@code bases/NAME.json} in the case's folder, else in the nearest folder above it. */
    private static Optional<String> findBase(String casePath, String name, Map<String, JsonNode> bases) {
        String folder = casePath.contains("/") ? casePath.substring(0, casePath.lastIndexOf('/')) : "";
        while (true) {
            String candidate = (folder.isEmpty() ? "" : folder + "/") + BASES + "/" + name + ".json";
            if (bases.containsKey(candidate)) {
                return Optional.of(candidate);
            }
            if (folder.isEmpty()) {
                return Optional.empty();
            }
            folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
        }
    }

    /** {@code ID@DATE} from a case in {@code .../ID/DATE/NAME.json}. */
    private static Optional<String> policyOfFolder(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 3 && VERSION.matcher(parts[parts.length - 2]).matches()) {
            return Optional.of(parts[parts.length - 3] + "@" + parts[parts.length - 2]);
        }
        return Optional.empty();
    }

    private static Optional<Expectation> expectation(String path, JsonNode expect, List<String> problems) {
        if (!expect.isObject()) {
            problems.add(path + ": expect: must be an object with at least the outcome");
            return Optional.empty();
        }
        int before = problems.size();
        unknownMembers(path, "expect.", expect, EXPECT_MEMBERS, problems);
        Optional<Outcome> outcome = enumValue(path, "expect.outcome", expect.path("outcome"), Outcome.class, problems);
        Optional<Optional<String>> version = nullable(path, expect, "version", problems);
        Optional<Optional<String>> pathway = nullable(path, expect, "pathway", problems);
        Optional<Set<String>> missing = expect.has("missing")
                ? Optional.of(new HashSet<>(strings(path, "expect.", expect, "missing", false, problems)))
                : Optional.empty();
        Map<String, Result> criteria = new LinkedHashMap<>();
        JsonNode criteriaNode = expect.path("criteria");
        if (expect.has("criteria") && !criteriaNode.isObject()) {
            problems.add(path + ": expect.criteria: must be an object of criterion id to " + names(Result.class));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = criteriaNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            enumValue(path, "expect.criteria." + entry.getKey(), entry.getValue(), Result.class, problems)
                    .ifPresent(r -> criteria.put(entry.getKey(), r));
        }
        List<String> warnings = expect.has("warnings") ? strings(path, "expect.", expect, "warnings", false, problems) : List.of();
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Expectation(outcome.orElseThrow(), version, pathway, missing, criteria, warnings));
    }

    private static void unknownMembers(String path, String prefix, JsonNode node, List<String> allowed, List<String> problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(path + ": " + prefix + name + ": not a member of a case; allowed: " + String.join(", ", allowed));
            }
        });
    }

    private static String text(String path, JsonNode node, String member, List<String> problems) {
        JsonNode value = node.path(member);
        if (!value.isTextual()) {
            problems.add(path + ": " + member + ": " + (value.isMissingNode() ? "required, " : "") + "must be a string");
            return "";
        }
        return value.asText();
    }

    private static List<String> strings(
            String path, String prefix, JsonNode node, String member, boolean required, List<String> problems) {
        JsonNode value = node.path(member);
        String where = path + ": " + prefix + member;
        if (!value.isArray() || !allText(value)) {
            problems.add(where + ": " + (value.isMissingNode() && required ? "required, " : "") + "must be a list of strings");
            return List.of();
        }
        List<String> list = new ArrayList<>();
        value.forEach(v -> list.add(v.asText()));
        return list;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** A member that may be absent (not checked), null (must be none) or a string. */
    private static Optional<Optional<String>> nullable(String path, JsonNode expect, String member, List<String> problems) {
        JsonNode value = expect.path(member);
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        if (value.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!value.isTextual()) {
            problems.add(path + ": expect." + member + ": must be a string, or null for none");
            return Optional.empty();
        }
        return Optional.of(Optional.of(value.asText()));
    }

    private static <E extends Enum<E>> Optional<E> enumValue(
            String path, String member, JsonNode value, Class<E> type, List<String> problems) {
        if (value.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value.asText())) {
                    return Optional.of(e);
                }
            }
        }
        problems.add(path + ": " + member + ": " + (value.isMissingNode() ? "required, " : "") + "must be one of " + names(type));
        return Optional.empty();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
