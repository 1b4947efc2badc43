package org.pumpauth.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.pumpauth.request.Absent;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.ReviewRequest;

/**
 * Facts a policy needs that the request does not state directly but that follow from what it
 * states. Each records on the trace the fields it read, or, when unknown, the one field a
 * provider should be asked for.
 */
public enum DerivedFact implements Fact {
    /** Whole years at the service date, from {@code member.age} or {@code member.birthDate}. */
    AGE("age", FieldType.NUMBER) {
        @Override
        public Object read(Evaluation e) {
            Object age = e.request().valueOf(MEMBER_AGE);
            if (age != Absent.VALUE) {
                e.saw(MEMBER_AGE.contractPath(), age);
                return age;
            }
            Object birth = e.request().valueOf(BIRTH_DATE);
            e.saw(BIRTH_DATE.contractPath(), birth);
            return birth == Absent.VALUE
                    ? Absent.VALUE
                    : (double) ChronoUnit.YEARS.between((LocalDate) birth, e.serviceDate());
        }
    },
    /**
     * Ruling G5: {@code indication.terminal}, else a life expectancy of 6 months or less (the
     * figure is {@code policies/terminology/thresholds.tsv}'s).
     */
    TERMINAL("terminal", FieldType.BOOLEAN) {
        @Override
        public Object read(Evaluation e) {
            Object terminal = e.request().valueOf(TERMINAL_FIELD);
            if (terminal != Absent.VALUE) {
                e.saw(TERMINAL_FIELD.contractPath(), terminal);
                return terminal;
            }
            Object months = e.request().valueOf(LIFE_EXPECTANCY);
            if (months != Absent.VALUE) {
                e.saw(LIFE_EXPECTANCY.contractPath(), months);
                return (Double) months <= e.terminology().thresholds().terminalLifeExpectancyMonths()
                        ? Boolean.TRUE : Boolean.FALSE;
            }
            e.saw(TERMINAL_FIELD.contractPath(), Absent.VALUE);
            return Absent.VALUE;
        }
    },
    /**
     * Intraspinal (intrathecal or epidural) delivery (G11): {@code service.route}, else a code whose
     * descriptor names an intrathecal or epidural service (G14, {@code policies/terminology/code-facts.tsv}).
     */
    INTRASPINAL("intraspinal", FieldType.BOOLEAN) {
        @Override
        public Object read(Evaluation e) {
            Object route = e.request().valueOf(ROUTE);
            if (route != Absent.VALUE) {
                e.saw(ROUTE.contractPath(), route);
                return route.equals("intrathecal") || route.equals("epidural") ? Boolean.TRUE : Boolean.FALSE;
            }
            ReviewRequest request = e.request();
            if (e.terminology().codes().statesIntraspinal(request.codes())) {
                e.saw(CODES.contractPath(), request.codes());
                return Boolean.TRUE;
            }
            e.saw(ROUTE.contractPath(), Absent.VALUE);
            return Absent.VALUE;
        }
    },
    /**
     * Ruling G9: {@code service.drug.fdaApprovedForRoute}, else a compounded drug is not, else for the
     * intrathecal route the drug table's FDA column ({@code policies/terminology/drugs.tsv}): morphine,
     * ziconotide and baclofen are approved; hydromorphone, bupivacaine, fentanyl, clonidine and any
     * mixture are not.
     */
    FDA_APPROVED_FOR_ROUTE("drugFdaApprovedForRoute", FieldType.BOOLEAN) {
        @Override
        public Object read(Evaluation e) {
            Object stated = e.request().valueOf(FDA_APPROVED);
            if (stated != Absent.VALUE) {
                e.saw(FDA_APPROVED.contractPath(), stated);
                return stated;
            }
            if (e.request().valueOf(COMPOUNDED) == Boolean.TRUE) {
                e.saw(COMPOUNDED.contractPath(), Boolean.TRUE);
                return Boolean.FALSE;
            }
            Object route = e.request().valueOf(ROUTE);
            Object drug = e.request().valueOf(DRUG_NAME);
            Optional<Boolean> approved = "intrathecal".equals(route) && drug instanceof String
                    ? e.terminology().drugs().intrathecalApproval((String) drug)
                    : Optional.empty();
            if (approved.isEmpty()) {
                e.saw(FDA_APPROVED.contractPath(), Absent.VALUE);
                return Absent.VALUE;
            }
            e.saw(ROUTE.contractPath(), route);
            e.saw(DRUG_NAME.contractPath(), drug);
            return approved.get();
        }
    },
    /** Whole months from {@code indication.brainInjuryDate} to the service date. */
    MONTHS_SINCE_BRAIN_INJURY("monthsSinceBrainInjury", FieldType.NUMBER) {
        @Override
        public Object read(Evaluation e) {
            Object injury = e.request().valueOf(BRAIN_INJURY_DATE);
            e.saw(BRAIN_INJURY_DATE.contractPath(), injury);
            return injury == Absent.VALUE
                    ? Absent.VALUE
                    : (double) ChronoUnit.MONTHS.between((LocalDate) injury, e.serviceDate());
        }
    };

    private static final Field MEMBER_AGE = RequestContract.field("member.age");
    private static final Field BIRTH_DATE = RequestContract.field("member.birthDate");
    private static final Field TERMINAL_FIELD = RequestContract.field("indication.terminal");
    private static final Field LIFE_EXPECTANCY = RequestContract.field("indication.lifeExpectancyMonths");
    private static final Field ROUTE = RequestContract.field("service.route");
    private static final Field CODES = RequestContract.field("service.codes");
    private static final Field FDA_APPROVED = RequestContract.field("service.drug.fdaApprovedForRoute");
    private static final Field COMPOUNDED = RequestContract.field("service.drug.compounded");
    private static final Field DRUG_NAME = RequestContract.field("service.drug.name");
    private static final Field BRAIN_INJURY_DATE = RequestContract.field("indication.brainInjuryDate");

    private final String factName;
    private final FieldType type;

    DerivedFact(String factName, FieldType type) {
        this.factName = factName;
        this.type = type;
    }

    @Override
    public List<String> askFields() {
        switch (this) {
            case AGE:
                return List.of("member.birthDate", "member.age");
            case TERMINAL:
                return List.of("indication.terminal", "indication.lifeExpectancyMonths");
            case INTRASPINAL:
                return List.of("service.route", "service.codes");
            case FDA_APPROVED_FOR_ROUTE:
                return List.of("service.drug.fdaApprovedForRoute", "service.drug.compounded", "service.drug.name",
                        "service.route");
            default:
                return List.of("indication.brainInjuryDate");
        }
    }

    @Override
    public String factName() {
        return factName;
    }

    @Override
    public FieldType type() {
        return type;
    }

    @Override
    public List<String> allowed() {
        return List.of();
    }

    public static Optional<DerivedFact> named(String name) {
        for (DerivedFact fact : values()) {
            if (fact.factName.equals(name)) {
                return Optional.of(fact);
            }
        }
        return Optional.empty();
    }
}
