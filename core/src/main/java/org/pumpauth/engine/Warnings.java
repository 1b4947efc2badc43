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
                        + String.join(", ", version.codes()) + ")");
            }
        }
        version.reconstructed().ifPresent(why -> warnings.add(version.key() + " is a reconstructed version: " + why));
        for (String field : request.ignoredFields()) {
            warnings.add("field " + field + " is not part of the request contract and was ignored");
        }
        return warnings;
    }
}
