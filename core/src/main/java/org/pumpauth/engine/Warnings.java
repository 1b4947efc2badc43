package org.pumpauth.engine;

import java.util.ArrayList;
import java.util.List;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.ReviewRequest;

/** What a reviewer should notice that does not change the outcome. */
final class Warnings {
    private Warnings() {}

    static List<String> of(ReviewRequest request, PolicyVersion version) {
        List<String> warnings = new ArrayList<>();
        // G7: codes identify the service; one outside the policy's list is worth a look, not a denial.
        for (String code : request.codes()) {
            if (!version.codes().isEmpty() && !version.codes().contains(code)) {
                warnings.add("code " + code + " is not in the code list of " + version.key() + " ("
                        + listedLike(code, version.codes()) + ")");
            }
        }
        version.reconstructed().ifPresent(why -> warnings.add(version.key() + " is a reconstructed version: " + why));
        for (String field : request.ignoredFields()) {
            warnings.add("field " + field + " is not part of the request contract and was ignored");
        }
        return warnings;
    }

    /** The listed codes of the same system as {@code code} (CPT, HCPCS or ICD-10-PCS), a dozen at most. */
    private static String listedLike(String code, List<String> listed) {
        List<String> sameSystem = listed.stream().filter(c -> system(c) == system(code)).toList();
        if (sameSystem.isEmpty()) {
            return "it lists no code of that kind";
        }
        if (sameSystem.size() <= SHOWN) {
            return String.join(", ", sameSystem);
        }
        return String.join(", ", sameSystem.subList(0, SHOWN)) + " and " + (sameSystem.size() - SHOWN) + " more";
    }

    private static final int SHOWN = 12;

    /** 5 = CPT (five digits), 4 = HCPCS (a letter and four digits), 7 = ICD-10-PCS; by length, as the contract defines them. */
    private static int system(String code) {
        return code.length() == 5 && Character.isLetter(code.charAt(0)) ? 4 : code.length();
    }
}
