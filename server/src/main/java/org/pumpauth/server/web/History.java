package org.pumpauth.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pumpauth.server.audit.AuditLog;
import org.pumpauth.server.cases.ReviewCase;

/** A case's history for its page: every determination, step and audit entry, oldest first. */
final class History {
    private History() {}

    static List<CasePage.Event> of(ReviewCase c, List<AuditLog.Line> trail) {
        List<CasePage.Event> events = new ArrayList<>();
        for (ReviewCase.StoredDetermination d : c.determinations()) {
            events.add(new CasePage.Event(d.at(), QueuePage.WHEN.format(d.at()), "determination " + d.seq(), "system",
                    d.outcome()));
        }
        for (AuditLog.Line line : trail) {
            events.add(new CasePage.Event(line.at(), QueuePage.WHEN.format(line.at()), "audit: " + line.event(), line.actor(),
                    "entry " + line.seq()));
        }
        c.extension().ifPresent(e -> events.add(new CasePage.Event(e.at(), QueuePage.WHEN.format(e.at()),
                "extended by " + e.days() + " days", e.by(), e.reason())));
        c.appeal().ifPresent(a -> {
            events.add(new CasePage.Event(a.denial().at(), QueuePage.WHEN.format(a.denial().at()), "denied", a.denial().by(),
                    a.denial().rationale()));
            events.add(new CasePage.Event(a.at(), QueuePage.WHEN.format(a.at()), "appealed (" + a.urgency().code() + ")",
                    a.by(), a.reason()));
        });
        c.decision().ifPresent(d -> events.add(new CasePage.Event(d.at(), QueuePage.WHEN.format(d.at()),
                d.verdict().code().equals("approve") ? "approved" : "denied", d.by(), d.rationale())));
        for (ReviewCase.PeerToPeer p : c.peerToPeer()) {
            events.add(new CasePage.Event(p.recordedAt(), QueuePage.WHEN.format(p.recordedAt()),
                    "peer-to-peer held " + p.date(), p.recordedBy(), String.join(", ", p.participants()) + ": " + p.summary()));
        }
        // A stable sort: at the same instant, determinations come before the audit entries recording them.
        events.sort(Comparator.comparing(CasePage.Event::at));
        return events;
    }
}
