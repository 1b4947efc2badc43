package org.pumpauth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every FHIR answer the tests of this module read (metadata, ClaimResponse bundles, OperationOutcomes,
 * Subscriptions, notifications) is valid R4 by HAPI's validator against the base profiles. Runs after
 * the other classes (junit-platform.properties); the validator is built once, it is slow to build.
 */
@Order(Integer.MAX_VALUE)
class ResponsesValidTest {
    private static final FhirValidator VALIDATOR = validator();

    private static FhirValidator validator() {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(Fhir.context()),
                new InMemoryTerminologyServerValidationSupport(Fhir.context()),
                new CommonCodeSystemsTerminologyService(Fhir.context()));
        FhirInstanceValidator instance = new FhirInstanceValidator(chain);
        instance.setAnyExtensionsAllowed(true);
        // The Da Vinci profiles a request's resources claim (copied into the response) are not loaded: the
        // base R4 profiles are checked, the guides' are not.
        instance.setErrorForUnknownProfiles(false);
        return Fhir.context().newValidator().registerValidatorModule(instance);
    }

    /** The errors of one resource, for a failing test to show. */
    static List<String> errors(String json) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        List<String> errors = new ArrayList<>();
        for (SingleValidationMessage message : result.getMessages()) {
            if (message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(message.getLocationString() + ": " + message.getMessage());
            }
        }
        return errors;
    }

    @Test
    void every_answer_the_tests_read_is_valid_r4() {
        List<String> answers = Answers.all();
        assertThat(answers).as("the other test classes ran first and read FHIR answers").hasSizeGreaterThan(5);
        List<String> invalid = new ArrayList<>();
        for (String answer : answers) {
            List<String> errors = errors(answer);
            if (!errors.isEmpty()) {
                invalid.add(errors + "\n  in " + answer.substring(0, Math.min(answer.length(), 300)));
            }
        }
        assertThat(invalid).as(answers.size() + " answers validated").isEmpty();
    }
}
