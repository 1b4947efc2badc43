package org.pumpauth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pumpauth.policy.PolicyRegistry;
import org.pumpauth.server.testing.Client;
import org.pumpauth.server.testing.TestDatabase;

/** The OpenAPI document served at /v1/openapi.json describes exactly the routes the server has. */
class OpenApiTest {
    @Test
    void the_documents_paths_and_methods_are_the_servers_routes() {
        try (ReviewService service = ReviewService.open(TestDatabase.H2.fresh(), PolicyRegistry.builtIn(), Optional.empty(),
                java.time.Clock.systemUTC());
                ReviewServer server = ReviewServer.start(service, "127.0.0.1", 0, false)) {
            Client.Response r = new Client(server.port()).get("/v1/openapi.json", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("openapi").asText()).startsWith("3.");

            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = r.json().path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
            }
            Set<String> registered = new TreeSet<>();
            server.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                    // The web workspace's pages (outside /v1) are HTML for people, not part of the API's document.
                    .filter(e -> e.endpoint.path.startsWith("/v1/"))
                    .forEach(e -> registered.add(e.endpoint.method.name() + " " + e.endpoint.path));

            assertThat(documented).isEqualTo(registered);
        }
    }
}
