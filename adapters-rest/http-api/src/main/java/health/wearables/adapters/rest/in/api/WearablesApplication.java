package health.wearables.adapters.rest.in.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application at the root, and what {@code /openapi} says about the API as a whole: its title, version,
 * contact, the tags its operations are grouped by, the project API key as an HTTP bearer scheme, and the parameters and
 * answers that several operations share (the callback's, at both its addresses and for HEAD and OPTIONS).
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
        components =
                @Components(
                        // the callback's query parameters and answers, the same at both of its addresses
                        parameters = {
                            @Parameter(
                                    name = "state",
                                    in = ParameterIn.QUERY,
                                    description =
                                            "OAuth 2.0: the state the gateway minted; exactly 43 base64url characters.",
                                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]{43}$")),
                            @Parameter(
                                    name = "code",
                                    in = ParameterIn.QUERY,
                                    description = "OAuth 2.0: the authorization code; 1-1024 visible ASCII characters.",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 1024)),
                            @Parameter(
                                    name = "error",
                                    in = ParameterIn.QUERY,
                                    description =
                                            "OAuth 2.0: the provider's error code; 1-128 printable ASCII characters without \" and \\.",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 128)),
                            @Parameter(
                                    name = "error_description",
                                    in = ParameterIn.QUERY,
                                    description =
                                            "OAuth 2.0: kept only for the log, cut to 200 characters; never in an answer.",
                                    schema = @Schema(type = SchemaType.STRING)),
                            @Parameter(
                                    name = "error_uri",
                                    in = ParameterIn.QUERY,
                                    description = "OAuth 2.0: ignored but for its syntax.",
                                    schema = @Schema(type = SchemaType.STRING)),
                            @Parameter(
                                    name = "iss",
                                    in = ParameterIn.QUERY,
                                    description = "OAuth 2.0: the issuer (RFC 9207); 1-2048 visible ASCII characters.",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048)),
                            @Parameter(
                                    name = "scope",
                                    in = ParameterIn.QUERY,
                                    description =
                                            "OAuth 2.0: the scopes the patient granted, where the provider says; up to 2048 printable ASCII"
                                                    + " characters.",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048)),
                            @Parameter(
                                    name = "oauth_token",
                                    in = ParameterIn.QUERY,
                                    description = "OAuth 1.0a: the temporary token; 1-1024 visible ASCII characters.",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 1024)),
                            @Parameter(
                                    name = "oauth_verifier",
                                    in = ParameterIn.QUERY,
                                    description = "OAuth 1.0a: the verifier; 1-1024 visible ASCII characters.",
                                    schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
                        },
                        responses = {
                            @APIResponse(
                                    name = "CallbackRedirect",
                                    description =
                                            "Back to the connect call's redirectUri, with status=connected (or pending, or, with"
                                                    + " redirectOnError, error&error=<code in lower case>), provider and patientId appended; never a"
                                                    + " code, a state or a token.",
                                    headers =
                                            @Header(
                                                    name = "Location",
                                                    description = "The platform's return address.",
                                                    schema = @Schema(type = SchemaType.STRING, format = "uri"))),
                            @APIResponse(
                                    name = "CallbackRefused",
                                    description =
                                            "A parameter twice, too long or outside its syntax (the state is untouched); or the provider sent"
                                                    + " error, or the granted scopes lack a required one.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                                                    examples = {
                                                        @ExampleObject(
                                                                name = "INVALID_REQUEST",
                                                                value = ApiExamples.INVALID_REQUEST),
                                                        @ExampleObject(
                                                                name = "PROVIDER_ERROR",
                                                                value = ApiExamples.PROVIDER_ERROR)
                                                    })),
                            @APIResponse(
                                    name = "CallbackStateNotValid",
                                    description = "The state (or OAuth 1.0a token) is unknown, used or expired.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "INVALID_STATE",
                                                                    value = ApiExamples.INVALID_STATE))),
                            @APIResponse(
                                    name = "CallbackUnknownProvider",
                                    description = "No configured provider with that slug.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "UNKNOWN_PROVIDER",
                                                                    value = ApiExamples.UNKNOWN_PROVIDER))),
                            @APIResponse(
                                    name = "CallbackUnprocessable",
                                    description =
                                            "What identifies the flow, or the code, is missing; or the state was minted for another provider,"
                                                    + " or iss is not the provider's issuer.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                                                    examples = {
                                                        @ExampleObject(
                                                                name = "MISSING_PARAMETER",
                                                                value = ApiExamples.MISSING_PARAMETER),
                                                        @ExampleObject(
                                                                name = "PROVIDER_MISMATCH",
                                                                value = ApiExamples.PROVIDER_MISMATCH)
                                                    })),
                            @APIResponse(
                                    name = "CallbackTokenExchangeFailed",
                                    description =
                                            "The token request failed or its answer was unusable; the state is spent.",
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "TOKEN_EXCHANGE_FAILED",
                                                                    value = ApiExamples.TOKEN_EXCHANGE_FAILED))),
                            @APIResponse(
                                    name = "CallbackUnavailable",
                                    description =
                                            "Redis cannot be reached (nothing is exchanged); or neither store could keep the tokens.",
                                    headers =
                                            @Header(
                                                    name = "Retry-After",
                                                    description = "Seconds to wait before trying again.",
                                                    schema = @Schema(type = SchemaType.INTEGER)),
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "STATE_STORE_UNAVAILABLE",
                                                                    value = ApiExamples.STATE_STORE_UNAVAILABLE))),
                            @APIResponse(
                                    name = "OnlyGet",
                                    description =
                                            "Only GET runs the flow; the answer says so in Allow and spends nothing.",
                                    headers =
                                            @Header(
                                                    name = "Allow",
                                                    description = "GET",
                                                    schema = @Schema(type = SchemaType.STRING)),
                                    content =
                                            @Content(
                                                    mediaType = MediaType.APPLICATION_JSON,
                                                    schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "METHOD_NOT_ALLOWED",
                                                                    value = ApiExamples.METHOD_NOT_ALLOWED)))
                        }),
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
