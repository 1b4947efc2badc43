package org.pumpauth.fhir.crd;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coverage;
import org.pumpauth.fhir.dtr.Dtr;
import org.pumpauth.fhir.dtr.Orders;

/**
 * CRD's {@code info-needed} (coverage-information; codes of the CRD Information Needed value set): what an
 * order must say before the payer's answer can be known, beyond the clinical documentation that
 * {@code doc-needed} and the questionnaire ask for. pumpauth sets two of its codes:
 * <ul>
 * <li>{@code contract-window}: the order's date of service is outside the member's {@code Coverage.period};
 * nothing is asserted for it ({@code covered: conditional}, no {@code pa-needed});</li>
 * <li>{@code timeframe}: the order states no date of service and a version of the member's policy takes
 * effect after today, so what is required depends on when the service is done; the answer for today is
 * given, {@code covered} at most {@code conditional}.</li>
 * </ul>
 * {@code performer} and {@code location} are never set: no pump policy's answer depends on who performs
 * the service or where.
 */
record InfoNeeded(String code, boolean decidesNothing, String sentence) {

    static Optional<InfoNeeded> of(Orders.Order order, Coverage coverage, String policy, Dtr dtr) {
        if (order.date().isPresent() && coverage.hasPeriod()) {
            LocalDate date = order.date().get();
            Optional<LocalDate> start = day(coverage.getPeriod().getStartElement());
            Optional<LocalDate> end = day(coverage.getPeriod().getEndElement());
            if (start.map(date::isBefore).orElse(false) || end.map(date::isAfter).orElse(false)) {
                return Optional.of(new InfoNeeded("contract-window", true, "The order's date of service is outside the"
                        + " period of the member's coverage, so pumpauth cannot say what the payer requires for it; ask"
                        + " again once coverage for that date is known."));
            }
        }
        if (order.date().isEmpty() && dtr.changesAfter(policy, dtr.today())) {
            return Optional.of(new InfoNeeded("timeframe", false, "The order states no date of service, and a new version"
                    + " of the member's policy takes effect after today: what it requires depends on when the service is"
                    + " done. The answer above is for today; give the date of service to know."));
        }
        return Optional.empty();
    }

    /** What is said of an order for which nothing is decided. */
    Crd.Decision decision() {
        return new Crd.Decision("conditional", Optional.empty(), false, List.of(),
                "Coverage not known for the date of service", "warning", sentence);
    }

    /** The calendar day of a date or date-time written to the day at least; else unknown. */
    private static Optional<LocalDate> day(BaseDateTimeType value) {
        String text = value == null ? null : value.getValueAsString();
        return text != null && text.length() >= 10 ? Optional.of(LocalDate.parse(text.substring(0, 10))) : Optional.empty();
    }
}
