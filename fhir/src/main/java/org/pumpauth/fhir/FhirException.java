package org.pumpauth.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The root of the errors the FHIR API answers with an {@code OperationOutcome}: its HTTP status, the
 * issue's code and the FHIRPath of the element at fault. Messages name the element and what is allowed,
 * never a value that was sent (it may be a patient's name).
 */
public class FhirException extends org.pumpauth.PumpauthException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final IssueType code;
    private final String expression;

    public FhirException(int status, IssueType code, String expression, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.expression = expression;
    }

    /** A request that does not follow FHIR or the guide's profile (400), at {@code expression}. */
    public static FhirException invalid(String expression, String message) {
        return new FhirException(400, IssueType.STRUCTURE, expression, message);
    }

    /** A well-formed request the service cannot process as it stands (422), at {@code expression}. */
    public static FhirException unprocessable(String expression, String message) {
        return new FhirException(422, IssueType.PROCESSING, expression, message);
    }

    public int status() {
        return status;
    }

    public IssueType code() {
        return code;
    }

    /** The FHIRPath of the element at fault; empty when the fault is the request as a whole. */
    public String expression() {
        return expression;
    }
}
