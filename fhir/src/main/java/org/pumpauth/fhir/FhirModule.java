package org.pumpauth.fhir;

import java.util.Set;
import org.pumpauth.server.ReviewService;
import org.pumpauth.server.ServiceModule;

/**
 * The FHIR module as {@code pumpauth serve} finds it ({@code META-INF/services}): reads the payer
 * configuration, warms HAPI, and mounts the FHIR API at {@code /fhir} and CDS Hooks at {@code /cds-services}.
 */
public final class FhirModule implements ServiceModule {

    @Override
    public Mounted prepare(ReviewService service, Options options) {
        Payers payers;
        try {
            payers = options.payers().isEmpty() ? Payers.none(options.defaultPolicy())
                    : Payers.read(options.payers().get(), Set.copyOf(service.policyIds()), options.defaultPolicy());
        } catch (Payers.InvalidPayersException e) {
            throw new InvalidOptionException("--payers", e.getMessage());
        }
        FhirApi api = new FhirApi(service, payers);
        Fhir.warm();
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
