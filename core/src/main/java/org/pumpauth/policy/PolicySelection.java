package org.pumpauth.policy;

import java.time.LocalDate;
import java.util.Optional;

/** A policy as a caller named it: with a version, or to take the one in force on the service date. */
public record PolicySelection(Policy policy, Optional<PolicyVersion> version) {
    /** The version that applies to a service on {@code serviceDate}, if any. */
    public Optional<PolicyVersion> versionFor(LocalDate serviceDate) {
        return version.isPresent() ? version : policy.inForce(serviceDate);
    }
}
