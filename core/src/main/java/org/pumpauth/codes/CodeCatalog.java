package org.pumpauth.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every code the source policies list ({@code policies/codes.tsv}), looked up by code. */
public final class CodeCatalog {
    private static final String RESOURCE = "/org/pumpauth/policies/codes.tsv";

    private final Map<String, Code> byCode;
    private final Map<String, String> aliases;

    private CodeCatalog(Map<String, Code> byCode, Map<String, String> aliases) {
        this.byCode = Map.copyOf(byCode);
        this.aliases = Map.copyOf(aliases);
    }

    /** The catalog shipped with pumpauth. */
    public static CodeCatalog builtIn() {
        try (InputStream in = CodeCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CodeCatalog parse(String tsv) {
        Map<String, Code> codes = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        tsv.lines()
                .filter(line -> !line.startsWith("#") && !line.startsWith("code\t") && !line.isBlank())
                .forEach(line -> {
                    String[] cols = line.split("\t", -1);
                    Optional<String> writtenAs = cols.length > 4 && !cols[4].isBlank() ? Optional.of(cols[4]) : Optional.empty();
                    Code code = new Code(cols[0], cols[1], cols[2], Arrays.asList(cols[3].split(" ")), writtenAs);
                    codes.put(code.code(), code);
                    writtenAs.ifPresent(w -> aliases.put(w, code.code()));
                });
        return new CodeCatalog(codes, aliases);
    }

    /** The code, also when given as a source misspells it (letter O for digit 0) or in lower case. */
    public Optional<Code> find(String code) {
        String key = code.strip().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(byCode.get(aliases.getOrDefault(key, key)));
    }

    public Collection<Code> codes() {
        return byCode.values();
    }
}
