package org.pumpauth.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule family on short, real-looking notes: what it proposes, and the traps it must not fall
 * into (a relative, a plan, a goal, a review of systems, remote history, a later correction). Each
 * row is a note ({@code \n} for a line end), a field and the JSON value expected, or {@code -} when
 * the field must not be proposed.
 */
class NoteRulesTest {

    private static Optional<NoteFact> fact(String note, String field) {
        String text = note.replace("\\n", "\n");
        List<NoteFact> facts = new NoteReader().read(text);
        for (NoteFact f : facts) {
            for (Span s : f.evidence()) {
                assertThat(text.substring(s.start(), s.end())).as("span of " + f.field()).isEqualTo(s.text());
            }
        }
        return facts.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    private static void check(String note, String field, String expected) {
        Optional<NoteFact> found = fact(note, field);
        if (expected.equals("-")) {
            assertThat(found).as(field).isEmpty();
        } else {
            assertThat(found).as(field).isPresent();
            assertThat(found.get().value().toString()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "Dx: chronic non-cancer pain due to arachnoiditis.|indication.category|\"chronic-noncancer-pain\"",
        "Dx: chronic non-cancer pain due to arachnoiditis.|indication.conditions|[\"arachnoiditis\"]",
        "Severe, intractable cancer-related pain from pancreatic cancer.|indication.category|\"cancer-pain\"",
        "HPI: 30 y/o with generalized dystonia since childhood.|indication.category|\"dystonia\"",
        "HPI: lumbar post-laminectomy syndrome; RSD of the right foot.|indication.conditions|[\"failed-back-surgery-syndrome\",\"complex-regional-pain-syndrome\"]",
        "PMH: T2DM, remote CVA (2015).|indication.conditions|-",
        "Family hx: Mother with multiple sclerosis.|indication.conditions|-",
        "Dx: lumbar radiculopathy (M54.16).|indication.diagnosisCodes|[\"M54.16\"]",
        "Catheter tip at T10. Pain at L4.|indication.diagnosisCodes|-",
        "Prognosis: life expectancy of approximately 4 months; he is considered terminal.|indication.lifeExpectancyMonths|4",
        "Prognosis: life expectancy of approximately 4 months; he is considered terminal.|indication.terminal|true",
        "Prognosis: life expectancy 3-6 months.|indication.lifeExpectancyMonths|-",
        "Her pain is predominantly neuropathic.|indication.painType|\"neuropathic\"",
    })
    void indication(String note, String field, String expected) {
        check(note, field, expected);
    }

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "Current pain 8/10 despite treatment; best 6/10 lying supine.|pain.score|8",
        "Goal of 3/10 pain.|pain.score|-",
        "Pain is rated 7 out of 10 on average.|pain.score|7",
        "NRS 6/10 at rest.|pain.score|6",
        "Baseline NRS 8/10.\\n4 h: NRS 2/10. At discharge NRS remained 2/10.|pain.score|8",
        "Worst pain 9/10.|pain.score|-",
        "Pain 7/10 today. Addendum: he clarifies his current pain is 6/10.|pain.score|6",
        "Pain significantly interferes with his ADLs.|pain.functionalDisability|true",
        "Spasms interfere with dressing and toileting.|pain.functionalDisability|-",
        "Severe, intractable low back pain.|pain.severeIntractable|true",
        "MRI provides an objective basis for his radicular pain.|pain.objectivePathology|true",
    })
    void pain(String note, String field, String expected) {
        check(note, field, expected);
    }

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "Spasticity in both legs is severe, with painful extensor spasms.|spasticity.severe|true",
        "Spasticity in both legs is severe, with painful extensor spasms.|spasticity.painful|true",
        "She denies painful spasms.|spasticity.painful|false",
        "Intractable spasticity; spasticity impairs her balance and gait.|spasticity.impairsAmbulationBalance|true",
        "He is able to sit upright independently.|spasticity.limitsUprightPosture|false",
        "Plan: if spasticity becomes severe, consider ITB.|spasticity.severe|-",
        "Spastic quadriparesis after traumatic brain injury on 03/14/2022.|indication.brainInjuryDate|\"2022-03-14\"",
    })
    void spasticity(String note, String field, String expected) {
        check(note, field, expected);
    }

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "He has completed 14 weeks of conservative therapy (PT, home exercise program, TENS unit, L5 TFESI x2) without meaningful improvement.|conservativeTherapy.weeks|14",
        "He has completed 14 weeks of conservative therapy (PT, home exercise program, TENS unit, L5 TFESI x2) without meaningful improvement.|conservativeTherapy.modalities|[\"physical-therapy\",\"home-exercise-program\",\"stimulators\",\"injections\"]",
        "He has completed 14 weeks of conservative therapy (PT) without meaningful improvement.|conservativeTherapy.outcome|\"no-meaningful-improvement\"",
        "Six months: 6 months of conservative care failed.|conservativeTherapy.weeks|26",
        "Pt was offered chiropractic care but declined.|conservativeTherapy.modalities|-",
        "Pt arrived for a refill. Pt reports no new symptoms.|conservativeTherapy.modalities|-",
        "Depression treated with 16 sessions of CBT; in remission.|conservativeTherapy.modalities|-",
        "- Oral gabapentin titrated to 3600 mg/day for 12 weeks, ineffective|medicationTrials[0].class|\"non-opioid-analgesic\"",
        "- Oral gabapentin titrated to 3600 mg/day for 12 weeks, ineffective|medicationTrials[0].outcome|\"failed\"",
        "- Oral oxycodone ER, fixed schedule, x 10 weeks: inadequate analgesia.\\n- Transdermal fentanyl since 05/2024: side effects intolerable.|medicationTrials[1].outcome|\"intolerable-side-effects\"",
        "- Lyrica 150 mg BID for 8 weeks, no relief.|medicationTrials[0].weeks|8",
        "Oral baclofen 10 mg PO TID started as a bridge.|medicationTrials[0].class|-",
        "Refill: morphine 10 mg/mL via the intrathecal pump, 3 months.|medicationTrials[0].class|-",
    })
    void therapy(String note, String field, String expected) {
        check(note, field, expected);
    }

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "Assessment: no evidence of active infection.|contraindications.activeSystemicInfection|false",
        "ROS: Constitutional: negative for fever, chills.|contraindications.activeSystemicInfection|-",
        "She denies active infection.|contraindications.activeSystemicInfection|false",
        "Patient denied any systemic infection since the last visit.|contraindications.activeSystemicInfection|false",
        "Pocket site clean; she denies any signs of infection at the pocket.|contraindications.activeSystemicInfection|-",
        "He is denying any active systemic infection.|contraindications.activeSystemicInfection|false",
        "No active systemic infection.|contraindications.activeSystemicInfection|false",
        "She denies fever or chills.|contraindications.activeSystemicInfection|-",
        "Denies fevers, chills or night sweats.|contraindications.activeSystemicInfection|-",
        "No evidence of discitis or epidural abscess.|contraindications.activeSpinalInfection|false",
        "Allergies: NKDA.|contraindications.drugAllergy|false",
        "Allergies: sulfa (rash).|contraindications.drugAllergy|-",
        "Body habitus adequate for the device.|contraindications.insufficientBodyHabitus|false",
        "Exam: cachectic, BMI 18.2.|contraindications.insufficientBodyHabitus|-",
        "Implanted devices: none.|contraindications.otherImplantedProgrammableDevice|false",
        "Her brother has a programmable VP shunt.|contraindications.otherImplantedProgrammableDevice|-",
        "He has a pacemaker placed in 2019.|contraindications.otherImplantedProgrammableDevice|true",
        "No history of substance abuse.|substanceUse.severeAddiction|false",
        "Family hx: Mother with alcohol dependence.|substanceUse.activeUntreatedDependence|-",
        "Opioid use disorder in sustained remission.|substanceUse.activeUntreatedDependence|false",
        "He is not opioid naive.|opioidNaive|false",
        "She remains opioid naive.|opioidNaive|true",
        "Neurosurgery: not a candidate for further surgery.|furtherSurgeryIndicated|false",
    })
    void safety(String note, String field, String expected) {
        check(note, field, expected);
    }

    @Test
    void a_denied_active_infection_is_a_stated_negative_with_the_denial_as_its_evidence() {
        // issue 14's own example
        NoteFact fact = fact("She denies active infection.", "contraindications.activeSystemicInfection").orElseThrow();
        assertThat(fact.value().asBoolean()).isFalse();
        assertThat(fact.assertion()).isEqualTo(Assertion.NEGATED);
        assertThat(fact.evidence()).containsExactly(new Span(4, 27, "denies active infection"));
    }

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "Psychological evaluation ordered; not yet completed.|psychEvaluation.completed|false",
        "Psychological assessment not yet on file.|psychEvaluation.completed|-",
        "Her mother had a psychological evaluation completed last year.|psychEvaluation.completed|-",
        "Seen today. Psychological evaluation completed.|psychEvaluation.completed|true",
        "PSYCHOLOGICAL EVALUATION\\nShe is willing to comply with refills.|psychEvaluation.documentsWillingness|true",
        "PSYCHOLOGICAL EVALUATION\\nShe is not willing to comply with refills.|psychEvaluation.documentsWillingness|-",
        "PSYCHOLOGICAL EVALUATION\\nHe is not physically able to come to refills.|psychEvaluation.documentsPhysicalCapability|-",
        "Psychology referral placed; appointment pending.|psychEvaluation.completed|-",
        "Psychological evaluation completed: appropriate candidate (report on file).|psychEvaluation.appropriateCandidate|true",
        "Psych: negative for depression, anxiety.|psychEvaluation.untreatedPsychCondition|-",
        "PSYCHOLOGICAL EVALUATION\\nDate of evaluation: April 9, 2024\\nEvaluator: Dr. D, Ph.D.|psychEvaluation.date|\"2024-04-09\"",
        "PSYCHOLOGICAL EVALUATION\\nDate of evaluation: April 9, 2024\\nEvaluator: Dr. D, Ph.D.|psychEvaluation.evaluator|\"psychologist\"",
        "PSYCHOLOGICAL EVALUATION\\nFindings: untreated major depression; she is not a candidate at this time.|psychEvaluation.exclusionFactors|[\"untreated-major-depression\"]",
        "PSYCHOLOGICAL EVALUATION\\nDenies suicidal ideation. No pending litigation.|psychEvaluation.exclusionFactors|-",
    })
    void psychologicalEvaluation(String note, String field, String expected) {
        check(note, field, expected);
    }

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "INTRATHECAL TRIAL NOTE\\nDate: 2024-03-12\\nBaseline VAS 8/10. After the bolus VAS 8 to 2.|intraspinalTrials[0].reliefPercent|75",
        "INTRATHECAL TRIAL NOTE\\nDate: 2024-03-12\\nBaseline VAS 8/10. After the bolus VAS 8 to 2.|intraspinalTrials[0].date|\"2024-03-12\"",
        "INTRATHECAL TRIAL NOTE\\nSetting: 23-hour observation, then home.|intraspinalTrials[0].setting|\"observation-then-outpatient\"",
        "Indication: s/p successful intrathecal morphine trial on 07/15/2024 with 70% relief.|intraspinalTrials[0].reliefPercent|70",
        "Indication: s/p successful intrathecal morphine trial 07/2024.|intraspinalTrials[0].favorableResponse|true",
        "Cervical SCS trial (03/2023) with 40% relief.|intraspinalTrials[0].reliefPercent|-",
        "If a bolus trial shows at least a 50% reduction, we will pursue a pump.|intraspinalTrials[0].reliefPercent|-",
    })
    void intraspinalTrials(String note, String field, String expected) {
        check(note, field, expected);
    }

    // Each opens with a title line: a note whose first line names a trial is read as that trial's own note.
    private static final String TWO_TRIALS = "PAIN CLINIC FOLLOW-UP\\nHPI: s/p failed intrathecal morphine trial on 01/10/2024 with 20% relief, then a successful"
            + " intrathecal hydromorphone trial on 03/05/2024 with 70% relief.";
    private static final String NEWEST_FIRST = "PAIN CLINIC FOLLOW-UP\\nUnderwent a successful intrathecal ziconotide trial on 06/02/2024 with 60% relief."
            + " Previously had a failed intrathecal morphine trial on 02/14/2024 with 10% relief.";
    private static final String TOLD_TWICE = "PAIN CLINIC FOLLOW-UP\\nHPI: s/p successful intrathecal morphine trial on 07/15/2024 with 70% relief.\\n"
            + "Assessment: status post successful intrathecal trial; proceed with the implant.";

    /** Several trials in one note: each its own entry, oldest first; one trial told twice is one entry. */
    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        TWO_TRIALS + "|intraspinalTrials[0].reliefPercent|20",
        TWO_TRIALS + "|intraspinalTrials[0].favorableResponse|false",
        TWO_TRIALS + "|intraspinalTrials[0].date|\"2024-01-10\"",
        TWO_TRIALS + "|intraspinalTrials[1].reliefPercent|70",
        TWO_TRIALS + "|intraspinalTrials[1].favorableResponse|true",
        TWO_TRIALS + "|intraspinalTrials[1].date|\"2024-03-05\"",
        TWO_TRIALS + "|intraspinalTrials[2].route|-",
        NEWEST_FIRST + "|intraspinalTrials[0].date|\"2024-02-14\"",
        NEWEST_FIRST + "|intraspinalTrials[0].reliefPercent|10",
        NEWEST_FIRST + "|intraspinalTrials[1].drugClass|\"non-opioid-analgesic\"",
        NEWEST_FIRST + "|intraspinalTrials[1].reliefPercent|60",
        TOLD_TWICE + "|intraspinalTrials[0].reliefPercent|70",
        TOLD_TWICE + "|intraspinalTrials[1].route|-",
        "PAIN CLINIC FOLLOW-UP\\ns/p failed intrathecal morphine trial. Then underwent a successful intrathecal morphine trial with 65% relief.|intraspinalTrials[1].reliefPercent|65",
        "PAIN CLINIC FOLLOW-UP\\ns/p failed intrathecal morphine trial. Then underwent a successful intrathecal morphine trial with 65% relief.|intraspinalTrials[0].reliefPercent|-",
        "PAIN CLINIC FOLLOW-UP\\ns/p successful intrathecal morphine trial on 07/15/2024. If pain recurs we may repeat an intrathecal trial.|intraspinalTrials[1].route|-",
        "PAIN CLINIC FOLLOW-UP\\nHer sister had a failed intrathecal morphine trial. She is s/p successful intrathecal morphine trial with 60% relief.|intraspinalTrials[1].route|-",
    })
    void intraspinalTrialsOldestFirst(String note, String field, String expected) {
        check(note, field, expected);
    }

    /** Spasticity's origin, resectability and liver-only metastases, the pump's loss of effect: as the note words them. */
    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "Severe spasticity of spinal cord origin after a T6 injury.|indication.spasticityOrigin|\"spinal-cord\"",
        "Cerebral-origin spasticity since her anoxic injury.|indication.spasticityOrigin|\"cerebral\"",
        "Spasticity due to spinal cord injury.|indication.spasticityOrigin|-",
        "Family hx: brother with spasticity of cerebral origin.|indication.spasticityOrigin|-",
        "Colorectal adenocarcinoma with unresectable liver metastases.|indication.resectable|false",
        "The tumour is not resectable per hepatobiliary surgery.|indication.resectable|false",
        "Tumor board: the lesion is resectable.|indication.resectable|true",
        "If the metastases become resectable after chemotherapy, surgery will be offered.|indication.resectable|-",
        "Her father had an unresectable tumour.|indication.resectable|-",
        "Metastatic disease is confined to the liver on PET-CT.|indication.metastasesLimitedToLiver|true",
        "Restaging CT: no extrahepatic disease.|indication.metastasesLimitedToLiver|true",
        "Restaging CT shows extrahepatic disease in the lungs.|indication.metastasesLimitedToLiver|false",
        "Device: SynchroMed II pump, implanted 2017.\\nThe intrathecal pump is no longer effective despite dose increases.|existingDevice.lossOfEffectiveness|true",
        "Device: SynchroMed II pump, implanted 2017.\\nNo loss of efficacy of the intrathecal pump therapy.|existingDevice.lossOfEffectiveness|false",
        "Device: SynchroMed II pump, implanted 2017.\\nThe stimulator was explanted for loss of efficacy; the pump works.|existingDevice.lossOfEffectiveness|-",
    })
    void commonlyStatedFields(String note, String field, String expected) {
        check(note, field, expected);
    }

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', value = {
        "Device: SynchroMed II pump, implanted 2017.\\nInterrogation: no alarms. Battery not at end of life.|existingDevice.impendingFailureAlert|false",
        "Device: SynchroMed II pump, implanted 2017.\\nInterrogation: no alarms. Battery not at end of life.|existingDevice.batteryDepleted|false",
        "Device: SynchroMed II pump, implanted 2017.\\nBattery: ERI projected 09/2025.|existingDevice.impendingFailureAlert|-",
        "Pt has an implanted intrathecal pump.\\nInterrogation: End of Service (EOS); battery depleted. The pump stopped infusing.|existingDevice.malfunctionEvidence|[\"interrogation-report\",\"end-of-battery-life\"]",
        "Pt has an implanted intrathecal pump. Pocket site without redness; no signs of pocket infection.|existingDevice.infection|false",
        "Plan: request authorization for implantation of a programmable intrathecal pump.|service.kind|\"implant\"",
        "Plan: request authorization for implantation of a programmable intrathecal pump.|service.programmablePump|true",
        "If he wishes to proceed, we will schedule an intrathecal trial.|service.kind|-",
        "Pt has a programmable intrathecal baclofen pump, implanted 2017.\\nPump replacement requested; prior authorization submitted as expedited.|service.drug.name|\"baclofen\"",
        "Pt has a programmable intrathecal baclofen pump, implanted 2017.\\nPump replacement requested; prior authorization submitted as expedited.|urgency|\"expedited\"",
        "Planned procedure: pump implantation\\nSurgery date: 09/04/2024\\nDrug: Infumorph|service.drug.name|\"morphine\"",
        "Planned procedure: pump implantation\\nSurgery date: 09/04/2024\\nDrug: Infumorph|serviceDate|\"2024-09-04\"",
    })
    void deviceAndService(String note, String field, String expected) {
        check(note, field, expected);
    }
}
