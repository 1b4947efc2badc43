package org.pumpauth.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** The {@code OperationOutcome}s the FHIR API answers with. */
final class Outcomes {
    private Outcomes() {
    }

    static OperationOutcome of(FhirException e) {
        return error(e.code(), e.expression(), e.getMessage());
    }

    static OperationOutcome error(IssueType code, String expression, String message) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(message);
        if (expression != null && !expression.isEmpty()) {
            issue.addExpression(expression);
        }
        return outcome;
    }
}
