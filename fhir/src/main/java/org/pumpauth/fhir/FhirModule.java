package org.pumpauth.fhir;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.ServiceModule;
import org.slf4j.LoggerFactory;

/**
 * The FHIR module as {@code pumpauth serve} finds it ({@code META-INF/services}): warms HAPI on a thread of
 * its own ({@link #warmUp}), reads the payer configuration, and mounts the FHIR API at {@code /fhir} and CDS
 * Hooks at {@code /cds-services}.
 */
public final class FhirModule implements ServiceModule {
    private final AtomicBoolean warming = new AtomicBoolean();

    /** HAPI's model and parser load on a daemon thread: the database opens meanwhile, and no request waits for both. */
    @Override
    public void warmUp() {
        if (warming.compareAndSet(false, true)) {
            Thread warm = new Thread(() -> {
                try {
                    Fhir.warm();
                } catch (RuntimeException e) {
                    // Only slower first requests follow; the class alone, as everywhere in the module's logs.
                    LoggerFactory.getLogger("pumpauth.fhir").warn("warming HAPI up failed: {}", e.getClass().getName());
                }
            }, "pumpauth-fhir-warm-up");
            warm.setDaemon(true);
            warm.start();
        }
    }

    @Override
    public Mounted prepare(ReviewService service, Options options) {
        warmUp();
        Payers payers;
        try {
            payers = options.payers().isEmpty() ? Payers.none(options.defaultPolicy())
                    : Payers.read(options.payers().get(), Set.copyOf(service.policyIds()), options.defaultPolicy());
        } catch (Payers.InvalidPayersException e) {
            throw new InvalidOptionException("--payers", e.getMessage());
        }
        FhirApi api = new FhirApi(service, payers);
        return new Mounted() {
            @Override
            public void addRoutes(io.javalin.config.JavalinConfig config) {
                api.addRoutes(config);
            }

            @Override
            public String describe() {
                String mapped = options.payers().isEmpty() ? "no payer configuration"
                        : payers.entries().size() + " payer entries from " + options.payers().get().getFileName();
                return "FHIR R4 at /fhir and CDS Hooks at /cds-services (" + mapped + ", default policy: "
                        + options.defaultPolicy().orElse("none") + ")";
            }

            @Override
            public void close() {
                api.close();
            }
        };
    }
}
