package org.pumpauth.cases;

import java.util.List;
import java.util.Optional;

/**
 * One policy case: a request (a base request with a merge patch applied), the policy version it is
 * read under, and what its determination must say.
 *
 * @param name the file's path under the cases folder, without {@code .json}
 * @param policy {@code ID} or {@code ID@DATE}: the case's own {@code policy}, else its folder
 *     {@code <policy>/<version>/}; empty when neither names one
 * @param base the path of the base request file, under the cases folder
 * @param request the request the case sends, as JSON text
 */
public record PolicyCase(
        String name,
        String description,
        List<String> exercises,
        Optional<String> policy,
        String base,
        String request,
        Expectation expect) {

    public PolicyCase {
        exercises = List.copyOf(exercises);
    }
}
