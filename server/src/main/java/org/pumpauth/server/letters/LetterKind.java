package org.pumpauth.server.letters;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The notices a case produces: its decision, a request for information, an extension, a reconsideration's outcome. */
public enum LetterKind {
    APPROVAL("Notice of approval"),
    DENIAL("Notice of denial of coverage"),
    INFORMATION_REQUEST("Request for more information"),
    EXTENSION("Notice that we need more time to decide"),
    RECONSIDERATION("Notice of our decision on your appeal");

    private final String title;

    LetterKind(String title) {
        this.title = title;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The letter's heading. */
    public String title() {
        return title;
    }

    public static Optional<LetterKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
