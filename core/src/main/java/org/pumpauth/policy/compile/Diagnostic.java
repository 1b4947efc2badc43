package org.pumpauth.policy.compile;

import java.util.Locale;

/**
 * Every problem the policy compiler can report, with its message. A message names the key or
 * value at fault and what is allowed, with a hint where one helps (the name meant, the values
 * allowed). Each has a fixture in {@code core/src/test/resources/diagnostics/}, named after it, that
 * a test compiles to check the exact message.
 */
public enum Diagnostic {
    // ---- the file and its structure
    YAML_SYNTAX("not valid YAML: %s"),
    EMPTY_FILE("the file is empty; a policy file starts with policy:, version:, title:, payer:, source: and pathways:"),
    FILE_NOT_A_MAPPING("a policy file is a mapping of keys (policy:, version:, ...), not %s"),
    DUPLICATE_KEY("the key '%s' appears twice in one mapping"),
    UNKNOWN_KEY("unknown key '%s'%s in %s; allowed: %s"),
    REQUIRED_KEY("%s needs '%s'"),
    NOT_A_TEXT("'%s' takes a text, not %s"),
    NOT_A_NAME("expected a name here, found %s"),
    NOT_A_DATE("'%s' takes a date, as YYYY-MM-DD"),
    NOT_A_LIST_OF_VALUES("%s takes a value or a list of values, not %s"),

    // ---- a policy's own tables
    TABLES_NOT_A_MAPPING("tables takes a mapping of each table to its file beside the policy file, as"
            + " {drugs: my-drugs.tsv}, not %s; the tables: %s"),
    TABLE_NOT_FOUND("the table file '%s' (tables.%s) is not beside the policy file"),
    TABLE_PROBLEM("the table %s"),

    // ---- documentation
    DOCUMENTATION_NOT_A_LIST("documentation takes a list of entries: a text, or {text: ..., items: [...]}"),
    DOCUMENTATION_ENTRY_WITHOUT_ITEMS(
            "a documentation entry written as a mapping lists its 'items'; an entry without them is a text"),
    DOCUMENTATION_ENTRY_NOT_A_TEXT("a documentation entry is a text, or {text: ..., items: [...]}, not %s"),

    // ---- define and use
    DEFINE_NOT_A_MAPPING("define takes a mapping of names to criteria, not %s"),
    UNKNOWN_DEFINITION("no definition named '%s'%s; defined: %s"),
    DEFINITION_USES_ITSELF("the definition '%s' uses itself"),
    DEFINITION_WITH_OUTCOME_NESTED("'%s' has an outcome, so it can be used only as a top-level criterion of scope or a pathway"),
    DEFINITION_WITH_ID_IN_CONDITION("'%s' has an id, so it cannot be used inside where, then or when"),

    // ---- criteria
    CRITERIA_NOT_A_LIST("%s takes a list of criteria, not %s"),
    TOP_LEVEL_WITHOUT_ID("a criterion of scope or a pathway needs an id and text: it is a line of the determination"),
    CRITERION_NOT_A_MAPPING("a criterion is a mapping with one of: %s; found %s"),
    CRITERION_WITHOUT_BODY("a criterion needs one of: %s%s"),
    CRITERION_WITH_TWO_BODIES("a criterion has exactly one of %s; this one has %s"),
    META_WITHOUT_ID("'%s' needs an id on the same criterion"),
    ID_IN_CONDITION("criterion '%s': inside where, then and when, criteria are parts of their parent and take no id"),
    MISSING_TEXT("criterion '%s' needs text: the policy's own words"),
    MISSING_CITE("criterion '%s' needs a citation (cite: a section heading of %s)"),
    DUPLICATE_CRITERION_ID("the criterion id '%s' is used twice in pathway '%s'"),
    OUTCOME_NOT_TOP_LEVEL("ifNotMet: OUTCOME is allowed only on the top-level criteria of scope and pathways"),
    UNKNOWN_OUTCOME("unknown outcome '%s'%s; allowed: %s"),
    OUTCOME_NOT_A_FAILURE("a criterion not met gives one of %s, not %s"),
    IF_NOT_MET_VALUE("ifNotMet takes an outcome (%s) or {askFor: FIELD}"),
    ASK_FOR_FIELD("askFor takes a true/false request field; '%s'%s is not one"),
    EMPTY_ALL_ANY("%s takes a non-empty list of criteria"),

    // ---- fact tests
    UNKNOWN_FACT("unknown fact '%s'%s: not a request field%s nor a derived fact (%s)"),
    NO_OPERATOR("a fact test needs one operator: %s"),
    TWO_OPERATORS("a fact test has exactly one operator; this one has %s"),
    OPERATOR_DOES_NOT_APPLY("'%s' does not apply to %s, which is %s; use one of: %s"),
    NOT_A_BOOLEAN("%s takes true or false"),
    NOT_A_NUMBER("%s takes a number"),
    NOT_AN_ALLOWED_VALUE("'%s'%s is not a value of %s; allowed: %s"),
    SAME_AS_TYPES("sameAs compares facts of one type: %s is %s, %s is %s"),
    SILENCE_VALUE("'%s'%s is not how %s reads silence; allowed: %s"),

    // ---- lists: exists, latest, count, sum
    NOT_AN_OBJECT_LIST("%s takes a list of objects; '%s'%s is not one; lists: %s"),
    LATEST_WITHOUT_THEN("latest needs then: what the latest matching element must meet"),
    SUM_WITH_SILENCE("sum takes no silence: an unstated list is asked for"),
    SUM_WITHOUT_OF("sum needs of: the number field of %s to add up"),
    SUM_OF_NOT_A_NUMBER_FIELD("sum adds up a number field of %s; '%s'%s is not one; number fields: %s"),
    THRESHOLD_OPERATOR("%s needs one of atLeast, greaterThan, atMost, lessThan, equals"),
    THRESHOLD_NOT_A_NUMBER("%s compares with a number"),

    // ---- referrals
    REFER_WITHOUT_ID("a referral needs an id and text: the policy's words that send the case to review"),
    REFER_VALUE("refer takes CASE_BY_CASE"),
    REFER_WITHOUT_IF("refer needs if: the condition that sends the case to review"),

    // ---- pathways
    PATHWAYS_EMPTY("pathways takes a non-empty list of pathways"),
    PATHWAY_NOT_A_MAPPING("a pathway is a mapping with id, text, cite, when and criteria or outcome; found %s"),
    PATHWAY_WITHOUT_CITE("pathway '%s' needs a citation (cite: a section heading of %s)"),
    PATHWAY_WITHOUT_WHEN("pathway '%s' needs when: {kind: [...], indication: [...], if: ...}"),
    PATHWAY_CRITERIA_OR_OUTCOME("pathway '%s' needs either criteria or an outcome, not %s"),
    DUPLICATE_PATHWAY_ID("the pathway id '%s' is used twice"),
    PATHWAYS_OVERLAP("pathways '%s' and '%s' can both hold for one request (kind %s; indication %s); say which wins on the"
            + " later one: after: [%s] (the earlier is taken when both hold) or unless: [%s] (the later only when the earlier"
            + " is known not to hold)"),
    NOT_AN_EARLIER_PATHWAY("'%s'%s under %s is not a pathway before '%s'; earlier pathways: %s");

    private final String template;

    Diagnostic(String template) {
        this.template = template;
    }

    /** The message with its parts filled in. */
    String message(Object... parts) {
        return String.format(Locale.ROOT, template, parts);
    }

    /** The fixture's name: {@code UNKNOWN_FACT} is {@code unknown-fact}. */
    public String fixtureName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
