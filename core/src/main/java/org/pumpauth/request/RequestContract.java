package org.pumpauth.request;

import static org.pumpauth.request.FieldSpec.atLeastZero;
import static org.pumpauth.request.FieldSpec.bool;
import static org.pumpauth.request.FieldSpec.date;
import static org.pumpauth.request.FieldSpec.instant;
import static org.pumpauth.request.FieldSpec.number;
import static org.pumpauth.request.FieldSpec.objects;
import static org.pumpauth.request.FieldSpec.oneOf;
import static org.pumpauth.request.FieldSpec.someOf;
import static org.pumpauth.request.FieldSpec.text;
import static org.pumpauth.request.FieldSpec.texts;

import java.util.List;
import java.util.Optional;

/**
 * The review request, contract v1 ({@code docs/request-contract.md}): every field, what it
 * allows, and what a provider is asked for when it is missing. Reading, validation, the JSON
 * Schema and the policy compiler all work from this one list. Every date is read from 1900-01-01
 * to 9999-12-31 and every instant from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z ({@link DateRange}).
 */
public final class RequestContract {
    private RequestContract() {}

    public static final List<String> SERVICE_KINDS =
            List.of("trial", "implant", "replacement", "revision", "removal", "refill");
    public static final List<String> ROUTES = List.of(
            "intrathecal", "epidural", "intravenous", "intra-arterial", "subcutaneous", "intraperitoneal",
            "intraventricular");
    public static final List<String> DRUG_CLASSES = List.of(
            "opioid", "non-opioid-analgesic", "antispasmodic", "chemotherapy", "anticoagulant", "insulin",
            "antibiotic", "other");
    public static final List<String> INDICATION_CATEGORIES = List.of(
            "chronic-noncancer-pain", "cancer-pain", "spasticity", "dystonia", "chemotherapy", "other");

    private static final List<FieldSpec> MEDICATION_TRIAL = List.of(
            oneOf("class", List.of("opioid", "non-opioid-analgesic", "oral-antispasmodic"),
                    "State the drug class of each systemic medication trial (opioid, non-opioid analgesic or oral antispasmodic)."),
            oneOf("route", List.of("oral", "transdermal", "subcutaneous"),
                    "State the route of each systemic medication trial (oral, transdermal or subcutaneous)."),
            atLeastZero("weeks", "State how many weeks each systemic medication trial lasted."),
            oneOf("schedule", List.of("fixed", "as-needed"),
                    "State whether each medication trial was on a fixed schedule or as needed."),
            bool("adequateDose", "State whether each medication trial used adequate doses."),
            oneOf("outcome", List.of("failed", "intolerable-side-effects", "contraindicated", "effective", "ongoing"),
                    "State the outcome of each systemic medication trial (failed, intolerable side effects, contraindicated, effective or ongoing)."));

    private static final List<FieldSpec> INTRASPINAL_TRIAL = List.of(
            date("date", "Give the date of each intraspinal drug trial."),
            oneOf("route", List.of("intrathecal", "epidural", "intravenous"),
                    "State the route of each intraspinal drug trial (intrathecal or epidural)."),
            oneOf("mode", List.of("bolus", "continuous"),
                    "State whether each intraspinal trial was a bolus or a continuous infusion."),
            oneOf("drugClass", DRUG_CLASSES,
                    "State the drug class given in each intraspinal trial (for example opioid or antispasmodic)."),
            number("reliefPercent", 0, 100,
                    "Document the percentage of pain relief (or spasm relief, for an antispasmodic) the intraspinal trial gave."),
            bool("sideEffectsTolerable", "Document whether the side effects of the intraspinal trial were tolerable."),
            bool("patientAccepts", "Document whether the patient accepts the mode of treatment after the trial."),
            bool("favorableResponse", "Document whether the clinician judged the response to the trial dose favourable."),
            atLeastZero("durationDays", "State how many days the intraspinal trial lasted."),
            oneOf("setting", List.of("inpatient", "observation-then-outpatient", "outpatient"),
                    "State where the trial took place (inpatient, observation then outpatient, or outpatient)."));

    private static final List<FieldSpec> DOCUMENT = List.of(
            text("type", "State the type of each attached document."),
            date("date", "Give the date of each attached document."),
            text("title", "Give the title of each attached document."));

    private static final List<FieldSpec> NOTE = List.of(
            date("date", "Give the date of each clinical note."),
            text("author", "Name the author of each clinical note."),
            text("text", "Give the text of each clinical note."));

    /** The whole request. */
    public static final Shape REQUEST = Shape.root(List.of(
            text("requestId", "Give the request a requestId, unique for the submitter.").asRequired(),
            text("policy", "Name the policy the payer applies to this member, as id or id@YYYY-MM-DD."),
            instant("receivedAt", "State when the payer received the request."),
            oneOf("urgency", List.of("standard", "expedited"), "State whether the request is standard or expedited."),
            date("serviceDate", "Give the planned date of service."),
            text("member.id", "Give the member id."),
            date("member.birthDate", "Give the member's date of birth (or age at the date of service)."),
            number("member.age", 0, 150, "Give the member's age in whole years at the date of service."),
            oneOf("member.sex", List.of("female", "male", "other", "unknown"), "State the member's sex."),
            oneOf("service.kind", SERVICE_KINDS,
                    "State what is asked for: trial, implant, replacement, revision, removal or refill.").asRequired(),
            texts("service.codes", "List the CPT, HCPCS or ICD-10-PCS codes of the requested service."),
            oneOf("service.route", ROUTES,
                    "State the route of delivery (intrathecal, epidural, intravenous, intra-arterial, ...)."),
            text("service.drug.name", "Name the drug to be infused."),
            oneOf("service.drug.class", DRUG_CLASSES, "State the class of the drug to be infused."),
            bool("service.drug.compounded", "State whether the drug is compounded or a mixture of drugs."),
            bool("service.drug.fdaApprovedForRoute",
                    "State whether the drug is FDA approved for this route and indication, or name it: for the intrathecal route, preservative-free morphine, ziconotide and baclofen are approved."),
            bool("service.programmablePump", "State whether the pump is programmable."),
            oneOf("indication.category", INDICATION_CATEGORIES,
                    "State the indication: chronic non-cancer pain, cancer pain, spasticity, dystonia, chemotherapy or other."),
            texts("indication.conditions",
                    "List the conditions behind the indication (for example spinal-cord-injury or multiple-sclerosis)."),
            texts("indication.diagnosisCodes", "List the ICD-10-CM diagnosis codes."),
            oneOf("indication.spasticityOrigin", List.of("spinal-cord", "cerebral"),
                    "State whether the spasticity is of spinal cord or cerebral origin."),
            date("indication.brainInjuryDate", "Give the date of the traumatic brain injury."),
            oneOf("indication.painType",
                    List.of("bone", "tissue-injury", "colicky-intestinal", "pressure", "neuropathic", "mixed", "other"),
                    "State the kind of pain (bone, tissue injury, colicky intestinal, pressure, neuropathic, ...)."),
            bool("indication.metastasesLimitedToLiver", "State whether the metastases are limited to the liver."),
            bool("indication.resectable", "State whether the tumour is resectable."),
            bool("indication.patientRefusesSurgery", "State whether the patient refuses surgery."),
            bool("indication.terminal",
                    "State whether the patient is terminally ill (or give the documented life expectancy)."),
            atLeastZero("indication.lifeExpectancyMonths", "Give the patient's documented life expectancy in months."),
            number("pain.score", 0, 10, "Document the persistent pain score (0 to 10) despite treatment."),
            bool("pain.functionalDisability",
                    "Document whether the pain significantly interferes with daily activities, work and quality of life."),
            bool("pain.severeIntractable", "Document whether the pain is severe, chronic and intractable."),
            bool("pain.objectivePathology", "Document the pathology that gives an objective basis for the pain."),
            bool("pain.exaggeratingFactorsAddressed",
                    "Document the attempts made to eliminate physical and behavioural causes of an exaggerated reaction to pain."),
            bool("spasticity.intractable", "Document whether the spasticity is intractable."),
            bool("spasticity.severe", "Document whether the spasticity is severe."),
            bool("spasticity.painful", "Document whether the spasticity is painful."),
            bool("spasticity.limitsUprightPosture",
                    "Document whether the spasticity prevents the patient from maintaining an upright posture."),
            bool("spasticity.impairsAmbulationBalance",
                    "Document whether the spasticity severely impairs balance in ambulation."),
            bool("spasticity.interferesWithDailyActivities",
                    "Document whether the spasticity significantly interferes with activities of daily living."),
            atLeastZero("conservativeTherapy.weeks", "Document how many weeks of conservative therapy were given."),
            someOf("conservativeTherapy.modalities", List.of(
                            "physical-therapy", "home-exercise-program", "chiropractic", "rest", "ice-heat",
                            "modified-activity", "devices", "acupuncture", "stimulators", "medications", "injections",
                            "diathermy", "psychological-therapy"),
                    "List the modalities of the conservative therapy (physical therapy, home exercise program, ...)."),
            bool("conservativeTherapy.regionSpecific",
                    "Document whether the conservative therapy targeted the requested spinal region."),
            oneOf("conservativeTherapy.outcome", List.of(
                            "no-meaningful-improvement", "worsened", "improved", "unable-medical-reason",
                            "unable-other-reason", "ongoing"),
                    "Document the outcome of the conservative therapy (no meaningful improvement, worsened, improved, ...)."),
            bool("conservativeTherapy.notPossibleMedicalReason",
                    "Document whether a medical reason prevents conservative therapy, and what it is."),
            bool("conservativeTherapy.homeExercise.prescriptionDocumented",
                    "Attach the home exercise prescription or plan."),
            bool("conservativeTherapy.homeExercise.followUpDocumented",
                    "Attach the follow-up documenting completion of the home exercise program after 6 weeks, or the medical reason it could not be completed."),
            bool("conservativeTherapy.detailedDocumentation",
                    "Attach detailed records of the conservative measures taken, not only a physician's statement."),
            bool("conservativeTherapy.activeRehabParticipation",
                    "Document participation in an active rehabilitative exercise program."),
            bool("conservativeTherapy.activeRehabNotAppropriate",
                    "Document whether an active rehabilitative exercise program is not appropriate or contraindicated."),
            objects("medicationTrials", "List the systemic medication trials (class, route, weeks, outcome), oldest first.",
                    MEDICATION_TRIAL),
            bool("opioidNaive", "State whether the patient is opioid-naive."),
            bool("furtherSurgeryIndicated",
                    "State whether further surgery or other treatment is indicated or likely to work."),
            bool("substanceUse.activeUntreatedDependence",
                    "State whether the patient has an active or untreated drug dependence."),
            bool("substanceUse.severeAddiction", "State whether severe drug addiction is documented or suspected."),
            bool("psychEvaluation.completed", "Attach the completed psychological evaluation."),
            date("psychEvaluation.date", "Give the date of the psychological evaluation."),
            oneOf("psychEvaluation.evaluator",
                    List.of("psychologist", "psychiatrist", "primary-care", "neurologist", "physiatrist", "other"),
                    "State who performed the psychological evaluation (psychologist, psychiatrist, ...)."),
            bool("psychEvaluation.appropriateCandidate",
                    "State the evaluator's conclusion: is the patient an appropriate candidate?"),
            bool("psychEvaluation.documentsCognitiveAbility",
                    "Document the patient's cognitive ability in the psychological assessment."),
            bool("psychEvaluation.documentsPhysicalCapability",
                    "Document the patient's physical capability in the psychological assessment."),
            bool("psychEvaluation.documentsWillingness",
                    "Document the patient's willingness to take part in implanted pump therapy in the psychological assessment."),
            bool("psychEvaluation.untreatedPsychCondition",
                    "State whether an untreated psychological condition contributes to the pain."),
            bool("psychEvaluation.socialSupportAdequate", "State whether the patient's social support is adequate."),
            bool("psychEvaluation.benefitExpected", "State whether the evaluator expects the patient to benefit."),
            someOf("psychEvaluation.exclusionFactors", List.of(
                            "active-psychosis", "active-suicidality", "active-homicidality", "untreated-major-depression",
                            "somatization", "alcohol-dependency", "drug-dependency", "unresolved-litigation",
                            "lacks-social-support", "compromised-reasoning"),
                    "List any psychological exclusion factors the evaluation found."),
            objects("intraspinalTrials",
                    "Document the intraspinal drug trials already done (date, route, drug class, relief, side effects), oldest first.",
                    INTRASPINAL_TRIAL),
            bool("contraindications.activeSystemicInfection", "State whether the patient has an active systemic infection."),
            bool("contraindications.activeSpinalInfection", "State whether the patient has an active spinal infection."),
            bool("contraindications.insufficientBodyHabitus",
                    "State whether the patient's body habitus is sufficient to support the weight and bulk of the device."),
            bool("contraindications.drugAllergy",
                    "State whether the patient has a known allergy or hypersensitivity to the drug."),
            bool("contraindications.otherImplantedProgrammableDevice",
                    "State whether the patient has another implanted programmable device."),
            bool("existingDevice.functioning", "State whether the current device is functioning."),
            bool("existingDevice.programmable", "State whether the current pump is programmable."),
            bool("existingDevice.malfunction",
                    "Document any pump or catheter malfunction impairing function or safety."),
            someOf("existingDevice.malfunctionEvidence",
                    List.of("interrogation-report", "imaging", "flow-study", "end-of-battery-life"),
                    "Attach the evidence of the malfunction (interrogation report, imaging, flow study, end of battery life)."),
            bool("existingDevice.batteryDepleted", "State whether the pump's battery is depleted."),
            bool("existingDevice.recalled", "State whether the device is under a manufacturer recall."),
            bool("existingDevice.impendingFailureAlert",
                    "State whether the pump has given notification of impending failure."),
            bool("existingDevice.lossOfEffectiveness", "Document any loss of effectiveness of the current pump."),
            bool("existingDevice.intolerance", "Document any intolerance of the device by the patient."),
            bool("existingDevice.infection", "Document any infection of the device or pocket."),
            bool("existingDevice.painfulSite", "Document whether the generator site is painful."),
            bool("existingDevice.patientDemand", "Document whether the patient asks for the change."),
            bool("existingDevice.upgradeOnly", "State whether the request is only an upgrade to newer technology."),
            text("existingDevice.otherMedicalReason", "Describe any other medical reason for the request."),
            bool("existingDevice.pumpAnalysisReportAttached", "Attach the pump analysis report."),
            objects("documents", "List the attached documents.", DOCUMENT),
            objects("notes", "Give the clinical notes.", NOTE),
            bool("otherUse.drugReasonableAndNecessary",
                    "Document that the drug is reasonable and necessary for the patient's treatment."),
            bool("otherUse.pumpRequired",
                    "Document that the drug must be given by an implanted infusion pump."),
            bool("otherUse.pumpLabelledForDrug",
                    "Document that the pump's FDA labelling names the drug and the purpose.")));

    /**
     * The plain-language request for a field given by its contract path, list elements included
     * ({@code intraspinalTrials[].reliefPercent}).
     */
    public static String ask(String contractPath) {
        int list = contractPath.indexOf("[].");
        Optional<Field> field = list < 0
                ? REQUEST.field(contractPath)
                : REQUEST.field(contractPath.substring(0, list))
                        .flatMap(Field::items)
                        .flatMap(items -> items.field(contractPath.substring(list + 3)));
        return field.map(Field::ask).orElse("Provide " + contractPath + ".");
    }

    public static Field field(String path) {
        return REQUEST.field(path).orElseThrow(() -> new IllegalArgumentException("no request field " + path));
    }
}
