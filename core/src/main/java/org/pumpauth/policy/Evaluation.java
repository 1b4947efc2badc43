package org.pumpauth.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pumpauth.determination.CriterionResult;
import org.pumpauth.determination.FactValue;
import org.pumpauth.determination.Outcome;
import org.pumpauth.determination.Result;
import org.pumpauth.logic.Truth;
import org.pumpauth.request.Absent;
import org.pumpauth.request.Item;
import org.pumpauth.request.ReviewRequest;
import org.pumpauth.terminology.Terminology;

/**
 * One request evaluated against criteria as of its service date, building the trace: every
 * criterion with an id becomes a {@link CriterionResult} holding the facts it read. Not
 * thread-safe; make one per evaluation.
 */
public final class Evaluation {
    private final ReviewRequest request;
    private final LocalDate serviceDate;
    private final Terminology terminology;
    private Item item;
    private Frame frame;
    private boolean quiet;

    /** An evaluation with the built-in terminology tables (G14). */
    public Evaluation(ReviewRequest request, LocalDate serviceDate) {
        this(request, serviceDate, Terminology.builtIn());
    }

    public Evaluation(ReviewRequest request, LocalDate serviceDate, Terminology terminology) {
        this.request = request;
        this.serviceDate = serviceDate;
        this.terminology = terminology;
    }

    public ReviewRequest request() {
        return request;
    }

    public LocalDate serviceDate() {
        return serviceDate;
    }

    /** The tables that say what names and codes state (G14). */
    public Terminology terminology() {
        return terminology;
    }

    Item item() {
        if (item == null) {
            throw new IllegalStateException("a list element's field was read outside its list");
        }
        return item;
    }

    /** Evaluates a traced criterion and returns its result node. */
    public CriterionResult trace(Criterion criterion) {
        Frame outer = frame;
        Frame mine = new Frame(criterion.meta());
        frame = mine;
        Truth truth = criterion.test(this);
        frame = outer;
        return mine.close(finish(mine, criterion.meta(), truth));
    }

    /** Evaluates any criterion: traced ones add their node to the trace, inline ones their facts. */
    Truth evaluate(Criterion criterion) {
        Meta meta = criterion.meta();
        if (frame == null) {
            return criterion.test(this);
        }
        if (!meta.traced()) {
            int before = frame.facts.size();
            Truth truth = criterion.test(this);
            if (truth != Truth.UNKNOWN) {
                frame.forgetUnknownsFrom(before); // decided without them: they would not decide the case
            }
            return truth;
        }
        Frame outer = frame;
        Frame mine = new Frame(meta);
        frame = mine;
        Truth truth = criterion.test(this);
        frame = outer;
        truth = finish(mine, meta, truth);
        outer.children.add(mine.close(truth));
        return truth;
    }

    private static Truth finish(Frame frame, Meta meta, Truth truth) {
        if (truth == Truth.FALSE && meta.missingWhenFalse().isPresent()) {
            frame.requests.add(meta.missingWhenFalse().get().contractPath());
            return Truth.UNKNOWN; // a document not yet sent is asked for, not failed
        }
        return truth;
    }

    Truth onItem(Item element, Criterion criterion) {
        Item outer = item;
        item = element;
        try {
            return evaluate(criterion);
        } finally {
            item = outer;
        }
    }

    /** Reads a field of a list element, such as the {@code weeks} a {@link Sum} adds up. */
    Object onItem(Item element, Fact fact) {
        Item outer = item;
        item = element;
        try {
            return fact.read(this);
        } finally {
            item = outer;
        }
    }

    /** Reads a fact without asking for it when it is unstated. */
    Object readQuietly(Fact fact) {
        boolean outer = quiet;
        quiet = true;
        try {
            return fact.read(this);
        } finally {
            quiet = outer;
        }
    }

    void saw(String field, Object value) {
        if (frame != null && !(quiet && value == Absent.VALUE)) {
            frame.saw(field, value);
        }
    }

    void refer(Outcome outcome) {
        if (frame != null) {
            frame.referral = outcome;
        }
    }

    /** A traced criterion under construction. */
    private static final class Frame {
        final Meta meta;
        final List<CriterionResult> children = new ArrayList<>(4);
        final List<FactValue> facts = new ArrayList<>(4);
        final List<String> requests = new ArrayList<>(1);
        Outcome referral;

        Frame(Meta meta) {
            this.meta = meta;
        }

        void saw(String field, Object value) {
            for (FactValue seen : facts) {
                if (seen.field().equals(field)) {
                    return;
                }
            }
            facts.add(value == Absent.VALUE ? FactValue.unknown(field) : FactValue.known(field, shown(value)));
        }

        private static Object shown(Object value) {
            if (value instanceof List && !((List<?>) value).isEmpty() && ((List<?>) value).get(0) instanceof Item) {
                return ((List<?>) value).size(); // a list of trials shows as how many there are
            }
            return value;
        }

        void forgetUnknownsFrom(int index) {
            for (int i = facts.size() - 1; i >= index; i--) {
                if (!facts.get(i).isKnown()) {
                    facts.remove(i);
                }
            }
        }

        CriterionResult close(Truth truth) {
            if (truth == Truth.TRUE) {
                // Met by what is stated: an alternative left unknown did not decide it, and a report
                // must never print MET beside a fact not stated (G13).
                forgetUnknownsFrom(0);
            }
            return new CriterionResult(
                    meta.id(),
                    meta.text(),
                    Result.of(truth),
                    facts,
                    meta.citation(),
                    meta.interpretation(),
                    requests,
                    Optional.ofNullable(referral),
                    children);
        }
    }
}
