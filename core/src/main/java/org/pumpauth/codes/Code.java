package org.pumpauth.codes;

import java.util.List;
import java.util.Optional;

/**
 * A procedure or supply code a source policy lists, with its description as the first source that
 * describes it gives it.
 *
 * @param system {@code CPT}, {@code HCPCS} or {@code ICD-10-PCS}
 * @param listedIn the source documents that list it
 * @param writtenAs how a source writes it where that differs (a letter O for the digit 0)
 */
public record Code(String code, String system, String description, List<String> listedIn, Optional<String> writtenAs) {
    public Code {
        listedIn = List.copyOf(listedIn);
    }
}
