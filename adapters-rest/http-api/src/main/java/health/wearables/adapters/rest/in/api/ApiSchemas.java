package health.wearables.adapters.rest.in.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON bodies of the API as the OpenAPI document describes them. Schema only: the resources build these bodies by
 * hand (as maps, so that a field's order and presence stay exactly as docs/API.md shows them), and nothing
 * instantiates these records; they exist so that {@code /openapi} can name the shapes a client is generated from.
 */
final class ApiSchemas {
    private ApiSchemas() {}

    static final String PATIENT_ID = "^[A-Za-z0-9.-]{1,64}$";
    static final String PROVIDER_SLUG = "^[a-z0-9][a-z0-9_-]{0,63}$";

    @Schema(
            name = "ConnectRequest",
            description = "The body of a connect call: a JSON object of at most 16,384 characters that names each field"
                    + " once. Fields the gateway does not know are ignored.")
    record ConnectRequest(
            @Schema(
                    required = true,
                    description = "The platform's FHIR Patient id of the patient who connects.",
                    pattern = PATIENT_ID,
                    minLength = 1,
                    maxLength = 64,
                    example = "patient-123")
            String patientId,

            @Schema(
                    nullable = true,
                    description = "Where the patient's browser goes after the callback: an absolute https URL"
                            + " (http only for localhost and 127.0.0.1) under one of the project's allowed"
                            + " prefixes. Without it the callback answers JSON.",
                    maxLength = 2048,
                    format = "uri",
                    example = "https://dashboard.example.com/wearables/done")
            String redirectUri,

            @Schema(
                    nullable = true,
                    description = "true: the patient is sent back to redirectUri also when connecting fails"
                            + " after the state was checked (status=error&error=<code>). Needs a redirectUri.",
                    example = "false")
            Boolean redirectOnError) {}

    @Schema(name = "AuthorizationLink", description = "Where to send the patient's browser to approve access.")
    record AuthorizationLink(
            @Schema(
                    required = true,
                    format = "uri",
                    description = "The provider's authorization URL, with the state (and PKCE challenge).")
            String authorizationUrl,

            @Schema(required = true, format = "date-time", description = "When the link stops working.")
            String expiresAt) {}

    @Schema(
            name = "ConnectSessionRequest",
            description = "The body of a connect-link request: a JSON object that names each field once. Fields the"
                    + " gateway does not know are ignored.")
    record ConnectSessionRequest(
            @Schema(
                    required = true,
                    description = "The platform's FHIR Patient id of the patient who connects.",
                    pattern = PATIENT_ID,
                    minLength = 1,
                    maxLength = 64,
                    example = "patient-123")
            String patientId,

            @Schema(
                    nullable = true,
                    description = "Where the patient's browser goes after the callback, checked as the connect call"
                            + " checks it. Without it the patient ends on the gateway's result page.",
                    maxLength = 2048,
                    format = "uri",
                    example = "https://dashboard.example.com/wearables/done")
            String redirectUri,

            @Schema(
                    nullable = true,
                    description = "The slugs of the providers the page offers, each configured and not retired;"
                            + " without it, every provider the project may use.",
                    example = "[\"withings\", \"oura\"]")
            List<String> providers) {}

    @Schema(name = "ConnectLink", description = "A link to the gateway's connect page, for the patient's browser.")
    record ConnectLink(
            @Schema(
                    required = true,
                    format = "uri",
                    description = "The connect page; it works once (a choice uses it up) and until expiresAt.")
            String connectUrl,

            @Schema(required = true, format = "date-time", description = "When the link stops working (30 minutes).")
            String expiresAt) {}

    @Schema(name = "Connected", description = "The patient's wearable is connected (Ovok route, no redirectUri).")
    record Connected(
            @Schema(required = true, description = "Always true.")
            boolean ok,

            @Schema(required = true, description = "The provider's slug.", pattern = PROVIDER_SLUG)
            String provider,

            @Schema(required = true, description = "The patient's id.", pattern = PATIENT_ID)
            String patientId) {}

    @Schema(
            name = "ConnectedPending",
            description = "Tokens were issued and are held sealed until the FHIR store takes them (Ovok route).")
    record ConnectedPending(
            @Schema(required = true, description = "Always true.")
            boolean ok,

            @Schema(required = true, description = "The provider's slug.", pattern = PROVIDER_SLUG)
            String provider,

            @Schema(required = true, description = "The patient's id.", pattern = PATIENT_ID)
            String patientId,

            @Schema(required = true, description = "Always true: the connection is stored by a retry.")
            boolean pending) {}

    @Schema(name = "MirobodyStage", description = "How connecting ended, in Mirobody's words (Mirobody route).")
    record MirobodyStage(
            @Schema(
                    name = "provider_slug",
                    required = true,
                    description = "The provider's slug.",
                    pattern = PROVIDER_SLUG)
            String providerSlug,

            @Schema(
                    required = true,
                    description = "completed (200), or pending (202: tokens held until stored).",
                    enumeration = {"completed", "pending"})
            String stage) {}

    @Schema(name = "Connection", description = "One connection of the calling project. Never a token.")
    record Connection(
            @Schema(required = true, description = "The provider's slug.", pattern = PROVIDER_SLUG)
            String provider,

            @Schema(required = true, description = "The patient's id.", pattern = PATIENT_ID)
            String patientId,

            @Schema(
                    required = true,
                    description = "active: stored as a FHIR Endpoint; pending: tokens held sealed until the FHIR"
                            + " store takes them; reauth_required: the patient must connect again; revoked:"
                            + " ended; retired: the provider's API was shut down; error: set outside the"
                            + " gateway.",
                    enumeration = {"active", "pending", "reauth_required", "revoked", "retired", "error"})
            String status,

            @Schema(required = true, format = "date-time", description = "When the tokens now held were issued.")
            String connectedAt,

            @Schema(
                    required = true,
                    nullable = true,
                    format = "date-time",
                    description = "The access token's expiry; null when the provider gave none.")
            String accessTokenExpiresAt,

            @Schema(required = true, description = "The scopes granted.")
            List<String> scopes,

            @Schema(
                    required = true,
                    nullable = true,
                    description = "The id of the connection's FHIR Endpoint; null while pending.")
            String endpointId,

            @Schema(
                    required = true,
                    nullable = true,
                    format = "date-time",
                    description = "When the last sync ended; null before the first.")
            String lastSyncedAt,

            @Schema(
                    required = true,
                    description = "never, running, ok (the last sync read and wrote everything) or failed.",
                    enumeration = {"never", "running", "ok", "failed"})
            String syncStatus) {}

    @Schema(name = "Provider", description = "A provider a dashboard could offer its patients.")
    record Provider(
            @Schema(required = true, description = "The provider's slug.", pattern = PROVIDER_SLUG)
            String slug,

            @Schema(required = true, description = "The name to show.")
            String displayName,

            @Schema(required = true, description = "A one-line description for operators.")
            String description,

            @Schema(
                    required = true,
                    description = "The OAuth version.",
                    enumeration = {"2.0", "1.0a"})
            String oauthVersion,

            @Schema(
                    required = true,
                    description = "false: connecting answers 404 UNKNOWN_PROVIDER naming the missing keys.")
            boolean configured,

            @Schema(
                    format = "date",
                    description = "Only for a provider that retires: from this day (UTC) connecting answers"
                            + " 410 PROVIDER_RETIRED.")
            String retiresOn,

            @Schema(description = "Only for a retiring provider that has one: the slug to connect instead.")
            String successor) {}

    @Schema(name = "SyncJob", description = "A sync queued now.")
    record SyncJob(
            @Schema(required = true, description = "The queued job's id.")
            String jobId) {}

    @Schema(
            name = "Error",
            description = "The one error shape of the API. The message is written by the gateway for people and never"
                    + " repeats what the request or a provider sent.")
    record ErrorBody(@Schema(required = true) ErrorDetail error) {}

    @Schema(name = "ErrorDetail", description = "What went wrong.")
    record ErrorDetail(
            @Schema(
                    required = true,
                    description = "The error code (docs/API.md, Error codes).",
                    pattern = "^[A-Z_]+$",
                    example = "UNAUTHORIZED")
            String code,

            @Schema(
                    required = true,
                    description = "What happened, for people.",
                    example = "A valid project API key is required.")
            String message,

            @Schema(
                    description =
                            "PROVIDER_RETIRED only: the slug of the provider to connect instead, where there is one.")
            String successor) {}
}
