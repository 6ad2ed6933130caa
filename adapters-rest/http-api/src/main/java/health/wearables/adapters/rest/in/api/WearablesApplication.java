package health.wearables.adapters.rest.in.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application at the root, and what {@code /openapi} says about the API as a whole: its title, version,
 * contact, the tags its operations are grouped by, and the project API key as an HTTP bearer scheme.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Wearable OAuth connection gateway",
                        version = ApiDescription.VERSION,
                        description = "Connects a patient's wearable (any OAuth 2.0 or 1.0a provider) to the patient's"
                                + " FHIR R4 record. A platform starts a connection with its project API key and sends"
                                + " the patient's browser to the provider's authorization URL; the provider sends"
                                + " the browser back to the callback, which exchanges the code once, stores the"
                                + " tokens sealed in a FHIR Endpoint and queues the first data sync. Every error"
                                + " answer is JSON of one shape, {\"error\": {\"code\", \"message\"}}. The FHIR"
                                + " record itself is served at /fhir (HAPI FHIR's REST server, described by"
                                + " /fhir/metadata), health at /health and metrics at /metrics.",
                        contact = @Contact(name = "Wearables gateway maintainers", url = "https://wearables.health/")),
        tags = {
            @Tag(
                    name = ApiDescription.CONNECTIONS,
                    description = "A platform's backend starts, lists, syncs and ends its patients' connections, with"
                            + " its project API key."),
            @Tag(
                    name = ApiDescription.CALLBACK,
                    description = "Where the provider sends the patient's browser back after the approval; the state"
                            + " (or OAuth 1.0a token) in the query is the credential."),
            @Tag(
                    name = ApiDescription.PROVIDERS,
                    description = "Which providers the gateway knows and which of them are configured."),
            @Tag(
                    name = ApiDescription.NOTIFICATIONS,
                    description = "Where providers send their notifications (new data, deauthorization) and"
                            + " subscription challenges; each provider's own verification applies.")
        })
@SecurityScheme(
        securitySchemeName = ApiDescription.API_KEY,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The project's API key, as Authorization: Bearer <key> (1 to 512 visible ASCII characters). The"
                + " gateway keeps only its SHA-256; the key decides the project. A missing, malformed or unknown key"
                + " is answered 401 UNAUTHORIZED with WWW-Authenticate: Bearer realm=\"wearables\".")
public class WearablesApplication extends Application {}
