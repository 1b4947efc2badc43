package org.pumpauth.determination;

import java.time.LocalDate;
import java.util.Optional;

/** The policy and version a determination applied; no version when none was in force. */
public record PolicyRef(String id, Optional<LocalDate> version, String title) {
    @Override
    public String toString() {
        return version.map(v -> id + "@" + v).orElse(id);
    }
}
