package org.pumpauth.server.web;

import java.util.List;
import java.util.Optional;
import org.pumpauth.server.cases.CaseSteps;

/** The requests for information reviewers sent the provider, as the case page shows them, oldest first. */
public final class InformationRequests {
    private InformationRequests() {}

    /** One request: when and by whom, the fields it asked for, the reviewer's note if any. */
    public record Sent(String when, String by, String fields, Optional<String> note) {}

    static List<Sent> of(List<CaseSteps.SentRequest> sent) {
        return sent.stream().map(s -> new Sent(QueuePage.WHEN.format(s.at()), s.by(),
                s.missing().isEmpty() ? "none listed" : String.join(", ", s.missing()), s.note())).toList();
    }
}
