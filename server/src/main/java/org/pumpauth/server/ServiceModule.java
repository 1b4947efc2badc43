package org.pumpauth.server;

import io.javalin.config.JavalinConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A part of the service that lives in its own jar (the FHIR API) and is mounted by {@code pumpauth serve}
 * when that jar is on the class path: found with {@link ServiceLoader}, it adds its routes to the same
 * server, over the same case service, clock, audit trail and keys.
 */
public interface ServiceModule {

    /** What {@code serve} tells a module: the options of the command line that concern it. */
    record Options(Optional<Path> payers, Optional<String> defaultPolicy) {
        public static Options none() {
            return new Options(Optional.empty(), Optional.empty());
        }
    }

    /** A module's option or file that it cannot use; the message names the option or file and what is allowed. */
    final class InvalidOptionException extends org.pumpauth.PumpauthException {
        private static final long serialVersionUID = 1L;
        private final String option;

        public InvalidOptionException(String option, String message) {
            super(message);
            this.option = option;
        }

        /** The command-line option at fault, as {@code --payers}. */
        public String option() {
            return option;
        }
    }

    /** A module made ready to mount: its routes, and what the server prints once it listens. */
    interface Mounted extends AutoCloseable {
        void addRoutes(JavalinConfig config);

        /** One line for the operator, as {@code FHIR R4 at /fhir, CDS Hooks at /cds-services}. */
        String describe();

        @Override
        default void close() {
        }
    }

    /**
     * Starts loading what is slow to load (HAPI's model and parser, say) on a background thread, and returns
     * at once: {@code serve} calls it before it opens the database, so the two overlap. Doing nothing is
     * allowed; {@link #prepare} must work whether or not this was called.
     */
    default void warmUp() {
    }

    /**
     * Prepares the module over {@code service} (reading its files and warming what is slow to start);
     * throws {@link InvalidOptionException} for an option it cannot use.
     */
    Mounted prepare(ReviewService service, Options options);

    /** The modules on the class path, in a stable order (by class name). */
    static List<ServiceModule> available() {
        return ServiceLoader.load(ServiceModule.class).stream().map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(m -> m.getClass().getName())).toList();
    }
}
