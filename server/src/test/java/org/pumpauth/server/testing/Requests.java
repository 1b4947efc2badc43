package org.pumpauth.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.pumpauth.cases.MergePatch;

/**
 * Review requests for the tests: written here, with a requestId of the test's choosing; a test that
 * needs a variant gives what it changes as a JSON merge patch (RFC 7396), as the policy cases do.
 */
public final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {}

    /**
     * {@code request} with {@code patch} merged in: a member replaces the request's, {@code null}
     * removes it ({@code "{'receivedAt': null}"}); single quotes in the patch stand for double quotes.
     */
    public static String patched(String request, String patch) {
        try {
            return JSON.writeValueAsString(MergePatch.apply(JSON.readTree(request), JSON.readTree(patch.replace('\'', '"'))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same request as a tree, for a test that rewrites it (a number written differently, say). */
    public static JsonNode tree(String request) {
        try {
            return JSON.readTree(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A NIA 2024 implant request that meets every criterion (the repository's example): approved automatically. */
    public static String meetsCriteria(String requestId) {
        return """
                {"requestId": "%s", "policy": "nia-cg-310", "receivedAt": "2024-03-04T14:20:00Z", "urgency": "standard", "serviceDate": "2024-03-18", "member": {"id": "M-100234", "birthDate": "1961-05-09", "sex": "female"}, "service": {"kind": "implant", "codes": ["62362", "62350"], "route": "intrathecal", "drug": {"name": "morphine", "class": "opioid", "compounded": false}, "programmablePump": true}, "indication": {"category": "chronic-noncancer-pain", "conditions": ["failed-back-surgery-syndrome"], "diagnosisCodes": ["M96.1", "G89.4"], "terminal": false}, "pain": {"score": 8, "functionalDisability": true}, "conservativeTherapy": {"weeks": 16, "modalities": ["physical-therapy", "home-exercise-program", "medications", "injections"], "regionSpecific": true, "outcome": "no-meaningful-improvement"}, "medicationTrials": [{"class": "non-opioid-analgesic", "route": "oral", "weeks": 10, "schedule": "fixed", "outcome": "failed"}, {"class": "opioid", "route": "oral", "weeks": 14, "schedule": "fixed", "adequateDose": true, "outcome": "failed"}], "intraspinalTrials": [{"date": "2024-02-12", "route": "intrathecal", "mode": "bolus", "drugClass": "opioid", "reliefPercent": 60, "sideEffectsTolerable": true, "patientAccepts": true, "durationDays": 1, "setting": "outpatient"}], "psychEvaluation": {"completed": true, "date": "2024-01-22", "evaluator": "psychologist", "appropriateCandidate": true, "documentsCognitiveAbility": true, "documentsPhysicalCapability": true, "documentsWillingness": true}, "contraindications": {"activeSystemicInfection": false, "activeSpinalInfection": false, "insufficientBodyHabitus": false}}
                """.formatted(requestId);
    }

    /**
     * A NIA implant request that leaves the psychological evaluation and contraindications unstated:
     * INSUFFICIENT_INFORMATION, so the case waits for information.
     */
    public static String insufficient(String requestId) {
        return """
                {"requestId": "%s", "policy": "nia-cg-310", "serviceDate": "2024-04-02", "receivedAt": "2024-04-01T09:00:00Z",
                 "urgency": "expedited",
                 "service": {"kind": "implant", "route": "intrathecal", "drug": {"name": "morphine", "class": "opioid"}},
                 "indication": {"category": "chronic-noncancer-pain", "terminal": false},
                 "pain": {"score": 7.5},
                 "conservativeTherapy": {"weeks": 14, "regionSpecific": true, "outcome": "worsened"},
                 "medicationTrials": [{"class": "opioid", "route": "oral", "weeks": 13, "outcome": "failed"}],
                 "intraspinalTrials": [{"route": "intrathecal", "drugClass": "opioid", "reliefPercent": 55,
                                        "sideEffectsTolerable": true}]}
                """.formatted(requestId);
    }
}
