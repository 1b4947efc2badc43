package org.pumpauth.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The payer configuration ({@code serve --payers FILE}): which policy applies to a member, by the
 * {@code Coverage}'s payer ({@code Coverage.payor}: an identifier or a name) and plan ({@code Coverage.class}
 * of type {@code plan}), falling back to the server's default policy. CRD, DTR and PAS all ask
 * {@link #policyFor(Coverage, Function)}.
 */
public final class Payers {
    /** One line of the file: a payer (identifier or name), an optional plan, and the policy id. */
    public record Entry(String payer, Optional<String> plan, String policy) {
        public Entry {
            plan = plan.map(String::strip).filter(p -> !p.isEmpty());
        }
    }

    private static final Set<String> KEYS = Set.of("payer", "plan", "policy");
    private static final Set<String> TOP_KEYS = Set.of("payers", "fhirServers");
    private final List<Entry> entries;
    private final Optional<String> defaultPolicy;
    private final List<URI> fhirServers;

    public Payers(List<Entry> entries, Optional<String> defaultPolicy) {
        this(entries, defaultPolicy, List.of());
    }

    /** {@code fhirServers}: the EHR FHIR servers CRD may fetch a hook's missing prefetch from (see {@link #mayFetch}). */
    public Payers(List<Entry> entries, Optional<String> defaultPolicy, List<URI> fhirServers) {
        this.entries = List.copyOf(entries);
        this.defaultPolicy = defaultPolicy;
        this.fhirServers = List.copyOf(fhirServers);
    }

    /** No file: every member falls back to {@code defaultPolicy}, and no EHR FHIR server is fetched from. */
    public static Payers none(Optional<String> defaultPolicy) {
        return new Payers(List.of(), defaultPolicy);
    }

    /** The EHR FHIR servers of the file's {@code fhirServers:} list, in its order. */
    public List<URI> fhirServers() {
        return fhirServers;
    }

    /**
     * Whether CRD may fetch from the hook's {@code fhirServer} {@code url}: it is one of the listed servers
     * or below one (same scheme, host and port; its path the listed path or under it, segment by segment).
     * {@code https://ehr.example.org/fhir} admits {@code https://ehr.example.org/fhir/r4}, not
     * {@code https://ehr.example.org/fhirx} nor {@code https://ehr.example.org.evil.test/fhir}. None listed: none.
     */
    public boolean mayFetch(String url) {
        URI uri;
        try {
            uri = new URI(url).normalize();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawPath() == null || uri.getRawPath().contains("/../")) {
            return false;
        }
        for (URI allowed : fhirServers) {
            String base = allowed.getRawPath().replaceAll("/+$", "");
            String path = uri.getRawPath().replaceAll("/+$", "");
            if (allowed.getScheme().equalsIgnoreCase(uri.getScheme()) && allowed.getHost().equalsIgnoreCase(uri.getHost())
                    && port(allowed) == port(uri) && (path.equals(base) || path.startsWith(base + "/"))) {
                return true;
            }
        }
        return false;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A file that cannot be used; the message names the file, the entry and what is allowed. */
    public static final class InvalidPayersException extends org.pumpauth.PumpauthException {
        private static final long serialVersionUID = 1L;

        InvalidPayersException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code file} (YAML, as {@code examples/payers.yaml}); each entry's policy must be one of
     * {@code knownPolicies} (an id, with or without {@code @DATE}).
     */
    public static Payers read(Path file, Set<String> knownPolicies, Optional<String> defaultPolicy) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidPayersException(file.getFileName() + ": cannot be read as YAML (" + e.getClass().getSimpleName()
                    + ")");
        }
        if (root == null || !root.path("payers").isArray()) {
            throw new InvalidPayersException(file.getFileName() + ": expected a list under payers:");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP_KEYS.contains(key)) {
                problems.add(file.getFileName() + ": unknown key " + key + " (allowed: payers, fhirServers)");
            }
        });
        List<URI> fhirServers = new ArrayList<>();
        JsonNode servers = root.path("fhirServers");
        if (!servers.isMissingNode() && !servers.isNull() && !servers.isArray()) {
            problems.add(file.getFileName() + ": fhirServers: must be a list of http or https base URLs");
        }
        int s = 0;
        for (JsonNode server : servers.isArray() ? servers : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()) {
            s++;
            URI uri = null;
            try {
                uri = new URI(server.asText("").strip()).normalize();
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            if (uri == null || !server.isTextual() || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                problems.add(file.getFileName() + ": fhirServers entry " + s + ": must be an http or https base URL"
                        + " (scheme, host, optional port and path; no query)");
            } else {
                fhirServers.add(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri);
            }
        }
        int n = 0;
        for (JsonNode node : root.path("payers")) {
            n++;
            String where = file.getFileName() + ": payers entry " + n;
            if (!node.isObject()) {
                problems.add(where + ": expected payer:, plan: (optional) and policy:");
                continue;
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!KEYS.contains(key)) {
                    problems.add(where + ": unknown key " + key + " (allowed: payer, plan, policy)");
                }
            });
            String payer = node.path("payer").asText("").strip();
            String policy = node.path("policy").asText("").strip();
            if (payer.isEmpty()) {
                problems.add(where + ": payer: is required (an identifier, system|value or value, or a name)");
            }
            String policyId = policy.contains("@") ? policy.substring(0, policy.indexOf('@')) : policy;
            if (!knownPolicies.contains(policyId)) {
                problems.add(where + ": policy: must be one of " + String.join(", ", new java.util.TreeSet<>(knownPolicies)));
            }
            entries.add(new Entry(payer, Optional.ofNullable(node.get("plan")).map(JsonNode::asText), policy));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPayersException(String.join("; ", problems));
        }
        return new Payers(entries, defaultPolicy, fhirServers);
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * The policy for a member covered by {@code coverage}: the first entry whose payer is one of the
     * payor's identifiers or names and whose plan (if it names one) is the coverage's plan; else the
     * default policy; else a 422 naming {@code Coverage.payor}. {@code resolve} finds a referenced
     * resource (in a PAS bundle, an entry; in CRD, a prefetched resource).
     */
    public String policyFor(Coverage coverage, Function<Reference, Optional<Resource>> resolve) {
        List<String> payerKeys = new ArrayList<>();
        for (Reference payor : coverage.getPayor()) {
            payerKeys.addAll(keys(payor, resolve));
        }
        List<String> plans = plans(coverage);
        for (Entry entry : entries) {
            boolean payerMatches = payerKeys.contains(entry.payer().toLowerCase(Locale.ROOT));
            boolean planMatches = entry.plan().isEmpty() || plans.contains(entry.plan().get().toLowerCase(Locale.ROOT));
            if (payerMatches && planMatches) {
                return entry.policy();
            }
        }
        return defaultPolicy.orElseThrow(() -> FhirException.unprocessable("Coverage.payor",
                "Coverage.payor: no policy is configured for this payer and plan, and the server has no default policy"
                        + " (serve --payers FILE maps a payer's identifier or name, and plan, to a policy)"));
    }

    /** The payer's identifiers (system|value and value) and names, lower case. */
    private static List<String> keys(Reference payor, Function<Reference, Optional<Resource>> resolve) {
        List<String> keys = new ArrayList<>();
        if (payor.hasDisplay()) {
            keys.add(payor.getDisplay().strip().toLowerCase(Locale.ROOT));
        }
        if (payor.hasIdentifier()) {
            addIdentifier(keys, payor.getIdentifier());
        }
        Optional<Resource> target = payor.hasReference() ? resolve.apply(payor) : Optional.empty();
        if (target.isPresent() && target.get() instanceof Organization) {
            Organization organization = (Organization) target.get();
            if (organization.hasName()) {
                keys.add(organization.getName().strip().toLowerCase(Locale.ROOT));
            }
            organization.getAlias().forEach(alias -> keys.add(alias.getValue().strip().toLowerCase(Locale.ROOT)));
            organization.getIdentifier().forEach(identifier -> addIdentifier(keys, identifier));
        }
        return keys;
    }

    private static void addIdentifier(List<String> keys, Identifier identifier) {
        if (identifier.hasValue()) {
            keys.add(identifier.getValue().strip().toLowerCase(Locale.ROOT));
            if (identifier.hasSystem()) {
                keys.add((identifier.getSystem() + "|" + identifier.getValue()).strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static List<String> plans(Coverage coverage) {
        List<String> plans = new ArrayList<>();
        for (Coverage.ClassComponent c : coverage.getClass_()) {
            boolean plan = c.getType().getCoding().stream().anyMatch(coding -> "plan".equals(coding.getCode()));
            if (plan) {
                if (c.hasValue()) {
                    plans.add(c.getValue().strip().toLowerCase(Locale.ROOT));
                }
                if (c.hasName()) {
                    plans.add(c.getName().strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return plans;
    }
}
