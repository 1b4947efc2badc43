package org.pumpauth.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.pumpauth.policy.Policy;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.access.ApiKeys;
import org.pumpauth.server.audit.AuditVerifier;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.letters.LetterSettings;
import org.pumpauth.server.store.Database;
import org.pumpauth.server.store.DatabaseSettings;

/**
 * The review service wired by hand: the database, API keys, cases and the audit verifier. The
 * {@code serve}, {@code keys create} and {@code audit verify} commands and the tests open one.
 */
public final class ReviewService implements AutoCloseable {
    private final Database database;
    private final ApiKeys keys;
    private final CaseService cases;
    private final AuditVerifier audit;
    private final List<String> policyIds;

    private ReviewService(Database database, ApiKeys keys, CaseService cases, AuditVerifier audit, List<String> policyIds) {
        this.policyIds = List.copyOf(policyIds);
        this.database = database;
        this.keys = keys;
        this.cases = cases;
        this.audit = audit;
    }

    /** Opens (and migrates) the database and wires the service over it, with the example letter settings. */
    public static ReviewService open(DatabaseSettings settings, PolicyRegistry registry, Optional<String> defaultPolicy,
            Clock clock) {
        return open(settings, registry, defaultPolicy, clock, LetterSettings.builtIn());
    }

    /** Opens (and migrates) the database and wires the service over it; its letters use {@code letters}. */
    public static ReviewService open(DatabaseSettings settings, PolicyRegistry registry, Optional<String> defaultPolicy,
            Clock clock, LetterSettings letters) {
        return open(settings, new Review(registry), defaultPolicy, clock, letters);
    }

    /**
     * As above, with {@code review}'s reading of clinical notes (a test gives a stand-in reader
     * while {@link org.pumpauth.notes.NoteReader} learns its rules).
     */
    public static ReviewService open(DatabaseSettings settings, Review review, Optional<String> defaultPolicy,
            Clock clock, LetterSettings letters) {
        return over(Database.open(settings, POOL_SIZE), review, defaultPolicy, clock, letters);
    }

    /** The pool size {@link #open} opens its database with. */
    public static final int POOL_SIZE = 10;

    /**
     * As {@link #open}, over a database already opened and migrated ({@code Database.open(settings, POOL_SIZE)}):
     * {@code serve} opens it on a thread of its own while the policies compile. Closes it if the service
     * cannot be wired (an unknown default policy, say).
     */
    public static ReviewService over(Database database, Review review, Optional<String> defaultPolicy, Clock clock,
            LetterSettings letters) {
        PolicyRegistry registry = review.registry();
        try {
            ObjectMapper mapper = new ObjectMapper();
            return new ReviewService(database, new ApiKeys(database.jdbi(), clock),
                    new CaseService(database.jdbi(), review, defaultPolicy, clock, mapper, letters),
                    new AuditVerifier(database.jdbi()), registry.policies().stream().map(Policy::id).sorted().toList());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public ApiKeys keys() {
        return keys;
    }

    public CaseService cases() {
        return cases;
    }

    /** The ids of the policies the service reviews under, for the workspace's filters. */
    public List<String> policyIds() {
        return policyIds;
    }

    public AuditVerifier audit() {
        return audit;
    }

    @Override
    public void close() {
        cases.close();
        database.close();
    }
}
