package org.pumpauth.fhir.dtr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.pumpauth.logic.Truth;
import org.pumpauth.policy.All;
import org.pumpauth.policy.Any;
import org.pumpauth.policy.Compare;
import org.pumpauth.policy.Count;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.CriterionVisitor;
import org.pumpauth.policy.Exists;
import org.pumpauth.policy.Fact;
import org.pumpauth.policy.Latest;
import org.pumpauth.policy.Not;
import org.pumpauth.policy.Operator;
import org.pumpauth.policy.Refer;
import org.pumpauth.policy.RequestFact;
import org.pumpauth.policy.Sum;
import org.pumpauth.request.FieldType;

/**
 * How a pathway's criteria read each request field: whether every way through reads it (required),
 * the words of the criteria that read it (help text), and the branch it matters in. A branch is an
 * {@code any} whose first part tests an enumerated or yes/no field ("not cancer pain, or ..."): the
 * other parts matter only when that test fails, which is the item's {@code enableWhen}.
 */
final class Reading {
    /** One field as the criteria read it. */
    record Use(String path, boolean required, List<String> criteria, Optional<Guard> enableWhen) {
        Use withoutRequired() {
            return new Use(path, false, criteria, enableWhen);
        }
    }

    /** The answers of another item under which a field matters: any of them ({@code any}) or none of them. */
    record Guard(String linkId, boolean any, String system, List<String> answers) {
        Guard {
            answers = List.copyOf(answers);
        }

        void applyTo(QuestionnaireItemComponent item) {
            for (String answer : answers) {
                item.addEnableWhen().setQuestion(linkId)
                        .setOperator(any ? QuestionnaireItemOperator.EQUAL : QuestionnaireItemOperator.NOT_EQUAL)
                        .setAnswer(system.isEmpty() ? new BooleanType(Boolean.parseBoolean(answer))
                                : new Coding(system, answer, null));
            }
            if (answers.size() > 1) {
                item.setEnableBehavior(any ? EnableWhenBehavior.ANY : EnableWhenBehavior.ALL);
            }
        }
    }

    private static final class Seen {
        boolean required;
        final Set<String> criteria = new LinkedHashSet<>();
        Guard guard;
        boolean unguarded;
    }

    private final Map<String, Seen> seen = new LinkedHashMap<>();

    Map<String, Use> uses() {
        Map<String, Use> uses = new LinkedHashMap<>();
        seen.forEach((path, s) -> uses.put(path, new Use(path, s.required, List.copyOf(s.criteria),
                s.unguarded ? Optional.empty() : Optional.ofNullable(s.guard))));
        return uses;
    }

    void readTopLevel(Criterion criterion) {
        read(criterion, true, Optional.empty(), criterion.meta().text());
    }

    void read(Criterion criterion, boolean required, Optional<Guard> guard) {
        read(criterion, required, guard, criterion.meta().text());
    }

    private void read(Criterion criterion, boolean required, Optional<Guard> guard, String words) {
        String text = criterion.meta().traced() && !criterion.meta().text().isBlank() ? criterion.meta().text() : words;
        criterion.accept(new CriterionVisitor<Void>() {
            @Override
            public Void all(All all) {
                all.children().forEach(c -> read(c, required, guard, text));
                return null;
            }

            @Override
            public Void any(Any any) {
                List<Criterion> parts = any.children();
                Optional<Guard> branch = parts.size() > 1 ? guardOf(parts.get(0)) : Optional.empty();
                for (int i = 0; i < parts.size(); i++) {
                    boolean guarded = i > 0 && branch.isPresent();
                    read(parts.get(i), required && parts.size() == 1, guarded && guard.isEmpty() ? branch : guard, text);
                }
                return null;
            }

            @Override
            public Void not(Not not) {
                read(not.child(), required, guard, text);
                return null;
            }

            @Override
            public Void compare(Compare compare) {
                boolean asked = compare.unstated() == Truth.UNKNOWN && compare.operator() != Operator.STATED;
                use(compare.fact(), required && asked, guard, text);
                if (compare.operand() instanceof Fact) {
                    use((Fact) compare.operand(), required && asked, guard, text);
                }
                return null;
            }

            @Override
            public Void exists(Exists exists) {
                use(exists.list(), required, guard, text);
                read(exists.where(), false, guard, text);
                return null;
            }

            @Override
            public Void latest(Latest latest) {
                use(latest.list(), required, guard, text);
                read(latest.where(), false, guard, text);
                read(latest.then(), false, guard, text);
                return null;
            }

            @Override
            public Void count(Count count) {
                use(count.list(), required && !count.absentIsEmpty(), guard, text);
                read(count.where(), false, guard, text);
                return null;
            }

            @Override
            public Void sum(Sum sum) {
                use(sum.list(), required, guard, text);
                use(sum.of(), false, guard, text);
                read(sum.where(), false, guard, text);
                return null;
            }

            @Override
            public Void refer(Refer refer) {
                read(refer.when(), false, guard, text);
                return null;
            }
        });
    }

    private void use(Fact fact, boolean required, Optional<Guard> guard, String text) {
        List<String> fields = fact.askFields();
        for (int i = 0; i < fields.size(); i++) {
            Seen s = seen.computeIfAbsent(fields.get(i), k -> new Seen());
            // A derived fact (age from birth date) is asked through its first field; the others are alternatives.
            s.required |= required && i == 0 && fields.size() == 1;
            if (!text.isBlank()) {
                s.criteria.add(text);
            }
            if (guard.isEmpty()) {
                s.unguarded = true;
            } else if (s.guard == null) {
                s.guard = guard.get();
            } else if (!s.guard.equals(guard.get())) {
                s.unguarded = true;
            }
        }
    }

    /**
     * The condition under which the rest of an {@code any} matters, when its first part tests a
     * top-level enumerated or yes/no field: the rest matters when that test fails.
     */
    private static Optional<Guard> guardOf(Criterion first) {
        if (!(first instanceof Compare c) || !(c.fact() instanceof RequestFact fact) || c.unstated() != Truth.UNKNOWN) {
            return Optional.empty();
        }
        String path = fact.field().contractPath();
        FieldType type = fact.type();
        if (type == FieldType.BOOLEAN && c.operator() == Operator.IS && c.operand() instanceof Boolean value) {
            return Optional.of(new Guard(path, true, "", List.of(Boolean.toString(!value))));
        }
        if (type != FieldType.ENUM || !(c.operand() instanceof List<?> operand)) {
            return Optional.empty();
        }
        List<String> codes = new ArrayList<>();
        for (Object code : operand) {
            codes.add(code.toString());
        }
        String system = Answers.system(fact.field());
        if (c.operator() == Operator.IN) {
            return Optional.of(new Guard(path, false, system, codes));
        }
        if (c.operator() == Operator.NOT_IN) {
            return Optional.of(new Guard(path, true, system, codes));
        }
        return Optional.empty();
    }
}
