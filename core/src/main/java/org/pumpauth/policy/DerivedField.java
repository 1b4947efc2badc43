package org.pumpauth.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pumpauth.request.Absent;
import org.pumpauth.request.Field;
import org.pumpauth.request.Item;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.ReviewRequest;
import org.pumpauth.terminology.Terminology;

/**
 * Ruling G14, what the request already says is not asked: request fields that, when the request
 * does not state them, follow from what it does state (a drug's name, the codes, the diagnoses,
 * other facts) through the {@link Terminology} tables. A policy reads the field as usual and gets
 * the derived value; a stated field always wins. The trace shows the stated fields the value came
 * from, not the derived field, so a reviewer sees what the request said.
 */
public enum DerivedField {
    /** A drug named in the drug table gives its class. */
    DRUG_CLASS("service.drug.class", "service.drug.name") {
        @Override
        Object derive(Evaluation e) {
            Object name = e.request().valueOf(DRUG_NAME);
            if (!(name instanceof String)) {
                return Absent.VALUE;
            }
            Optional<String> drugClass = e.terminology().drugs().drugClass((String) name);
            drugClass.ifPresent(c -> e.saw(DRUG_NAME.contractPath(), name));
            return drugClass.isPresent() ? drugClass.get() : Absent.VALUE;
        }
    },
    /**
     * A code whose descriptor names an intrathecal or epidural service gives an intraspinal route,
     * without saying which of the two: a test the two routes answer alike is decided, another is asked.
     */
    ROUTE("service.route", "service.codes") {
        @Override
        Object derive(Evaluation e) {
            List<String> codes = e.request().codes();
            if (!e.terminology().codes().statesIntraspinal(codes)) {
                return Absent.VALUE;
            }
            e.saw(CODES.contractPath(), codes);
            return new OneOf(ROUTE_FIELD.contractPath(), INTRASPINAL_ROUTES);
        }
    },
    /** 62362 (programmable) and 62361 (non-programmable), and the HCPCS pumps that say so. */
    PROGRAMMABLE_PUMP("service.programmablePump", "service.codes") {
        @Override
        Object derive(Evaluation e) {
            return fromCodes(e);
        }
    },
    /**
     * NIA's reading: "programmable" is the existing pump's; unstated, the pump the request names
     * ({@code service.programmablePump}, stated or from the codes) replaces it in kind.
     */
    EXISTING_PROGRAMMABLE("existingDevice.programmable", "service.programmablePump", "service.codes") {
        @Override
        Object derive(Evaluation e) {
            Object stated = e.request().valueOf(PROGRAMMABLE_FIELD);
            if (stated != Absent.VALUE) {
                e.saw(PROGRAMMABLE_FIELD.contractPath(), stated);
                return stated;
            }
            return fromCodes(e);
        }
    },
    /**
     * ICD-10-CM codes in the diagnosis table give their conditions. When every code is in the table,
     * the conditions are those; when some are not, the list is known to include those found and a
     * test they do not decide is asked.
     */
    CONDITIONS("indication.conditions", "indication.diagnosisCodes") {
        @Override
        Object derive(Evaluation e) {
            Object codes = e.request().valueOf(DIAGNOSIS_CODES);
            if (!(codes instanceof List) || ((List<?>) codes).isEmpty()) {
                return Absent.VALUE;
            }
            List<String> conditions = new ArrayList<>();
            boolean every = true;
            for (Object code : (List<?>) codes) {
                Optional<String> condition = e.terminology().diagnoses().condition((String) code);
                condition.filter(c -> !conditions.contains(c)).ifPresent(conditions::add);
                every &= condition.isPresent();
            }
            if (conditions.isEmpty()) {
                return Absent.VALUE;
            }
            e.saw(DIAGNOSIS_CODES.contractPath(), codes);
            return every ? List.copyOf(conditions) : new Including(CONDITIONS_FIELD.contractPath(), conditions);
        }
    },
    /** {@code existingDevice.functioning: false} states a malfunction. */
    MALFUNCTION("existingDevice.malfunction", "existingDevice.functioning") {
        @Override
        Object derive(Evaluation e) {
            if (e.request().valueOf(FUNCTIONING) != Boolean.FALSE) {
                return Absent.VALUE;
            }
            e.saw(FUNCTIONING.contractPath(), Boolean.FALSE);
            return Boolean.TRUE;
        }
    },
    /**
     * An oral or transdermal opioid course in {@code medicationTrials} states the person is not
     * opioid-naive; a course that could not be tried ({@code contraindicated}) does not.
     */
    OPIOID_NAIVE("opioidNaive", "medicationTrials") {
        @Override
        Object derive(Evaluation e) {
            Object trials = e.request().valueOf(MEDICATION_TRIALS);
            if (!(trials instanceof List)) {
                return Absent.VALUE;
            }
            for (Object element : (List<?>) trials) {
                Item trial = (Item) element;
                Object route = trial.valueOf(TRIAL_ROUTE);
                if ("opioid".equals(trial.valueOf(TRIAL_CLASS))
                        && ("oral".equals(route) || "transdermal".equals(route))
                        && !"contraindicated".equals(trial.valueOf(TRIAL_OUTCOME))) {
                    String at = "medicationTrials[" + trial.position() + "].";
                    e.saw(at + "class", "opioid");
                    e.saw(at + "route", route);
                    return Boolean.FALSE;
                }
            }
            return Absent.VALUE;
        }
    };

    private static final List<String> INTRASPINAL_ROUTES = List.of("intrathecal", "epidural");
    private static final Field DRUG_NAME = RequestContract.field("service.drug.name");
    private static final Field CODES = RequestContract.field("service.codes");
    private static final Field ROUTE_FIELD = RequestContract.field("service.route");
    private static final Field PROGRAMMABLE_FIELD = RequestContract.field("service.programmablePump");
    private static final Field DIAGNOSIS_CODES = RequestContract.field("indication.diagnosisCodes");
    private static final Field CONDITIONS_FIELD = RequestContract.field("indication.conditions");
    private static final Field FUNCTIONING = RequestContract.field("existingDevice.functioning");
    private static final Field MEDICATION_TRIALS = RequestContract.field("medicationTrials");
    private static final Field TRIAL_CLASS = MEDICATION_TRIALS.items().orElseThrow().field("class").orElseThrow();
    private static final Field TRIAL_ROUTE = MEDICATION_TRIALS.items().orElseThrow().field("route").orElseThrow();
    private static final Field TRIAL_OUTCOME = MEDICATION_TRIALS.items().orElseThrow().field("outcome").orElseThrow();
    private static final Map<String, DerivedField> BY_FIELD = new HashMap<>();

    static {
        for (DerivedField derived : values()) {
            BY_FIELD.put(derived.field, derived);
        }
    }

    private final String field;
    private final List<String> sources;

    DerivedField(String field, String... sources) {
        this.field = field;
        this.sources = List.of(sources);
    }

    /** The request field derived, by its contract path. */
    public String field() {
        return field;
    }

    /** The request fields it is derived from. */
    public List<String> sources() {
        return sources;
    }

    /** The derivation of a field, if G14 derives it. */
    public static Optional<DerivedField> of(String contractPath) {
        return Optional.ofNullable(BY_FIELD.get(contractPath));
    }

    /**
     * The value the request's other facts give this field (which it does not state), recording the
     * stated fields it read on the trace; {@link Absent#VALUE} when they give none. A partial value
     * ({@link OneOf}, {@link Including}) is known only in part.
     */
    abstract Object derive(Evaluation e);

    private static Object fromCodes(Evaluation e) {
        ReviewRequest request = e.request();
        Optional<Boolean> programmable = e.terminology().codes().programmablePump(request.codes());
        programmable.ifPresent(p -> e.saw(CODES.contractPath(), request.codes()));
        return programmable.isPresent() ? programmable.get() : Absent.VALUE;
    }
}
