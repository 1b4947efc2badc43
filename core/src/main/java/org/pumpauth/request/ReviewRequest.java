package org.pumpauth.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A validated review request (contract v1). Values are stored by field; a field the request does
 * not state is {@link Absent#VALUE}. Read one with {@link RequestReader}.
 */
public final class ReviewRequest implements Facts {
    private static final Field REQUEST_ID = RequestContract.field("requestId");
    private static final Field POLICY = RequestContract.field("policy");
    private static final Field SERVICE_DATE = RequestContract.field("serviceDate");
    private static final Field RECEIVED_AT = RequestContract.field("receivedAt");
    private static final Field KIND = RequestContract.field("service.kind");
    private static final Field CODES = RequestContract.field("service.codes");

    private final Object[] values;
    private final List<String> ignoredFields;

    ReviewRequest(Object[] values, List<String> ignoredFields) {
        this.values = values;
        this.ignoredFields = List.copyOf(ignoredFields);
    }

    @Override
    public Object valueOf(Field field) {
        if (field.owner() != RequestContract.REQUEST) {
            throw new IllegalArgumentException(field + " is not a top-level request field");
        }
        return values[field.index()];
    }

    public String requestId() {
        return (String) values[REQUEST_ID.index()];
    }

    /** {@code trial}, {@code implant}, ...: required, so always present. */
    public String serviceKind() {
        return (String) values[KIND.index()];
    }

    /** The policy the request names, {@code id} or {@code id@YYYY-MM-DD}. */
    public Optional<String> policy() {
        return optional(POLICY, String.class);
    }

    public Optional<Instant> receivedAt() {
        return optional(RECEIVED_AT, Instant.class);
    }

    /** The planned date of service; default the date of {@code receivedAt} (UTC), else {@code today}. */
    public LocalDate serviceDate(LocalDate today) {
        Object date = values[SERVICE_DATE.index()];
        if (date instanceof LocalDate) {
            return (LocalDate) date;
        }
        return receivedAt().map(at -> at.atZone(ZoneOffset.UTC).toLocalDate()).orElse(today);
    }

    @SuppressWarnings("unchecked")
    public List<String> codes() {
        Object codes = values[CODES.index()];
        return codes instanceof List ? (List<String>) codes : List.of();
    }

    /** Fields the request carries that the contract does not define; they are ignored. */
    public List<String> ignoredFields() {
        return ignoredFields;
    }

    private <T> Optional<T> optional(Field field, Class<T> type) {
        Object value = values[field.index()];
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
