package health.wearables.adapters.rest.in.api;

/**
 * Example bodies of the OpenAPI document, one per answer, as the gateway writes them (the messages are the gateway's
 * own). Kept here so that the resources' annotations stay readable.
 */
final class ApiExamples {
    private ApiExamples() {}

    // Annotation values are constants: an error body is written as CODE + code + MESSAGE + message + END.
    private static final String CODE = "{\"error\": {\"code\": \"";
    private static final String MESSAGE = "\", \"message\": \"";
    private static final String END = "\"}}";

    // The request body of a connect call, and the answers that succeed.
    static final String CONNECT_REQUEST =
            "{\"patientId\": \"patient-123\", \"redirectUri\": \"https://dashboard.example.com/wearables/done\"}";
    static final String AUTHORIZATION_LINK =
            "{\"authorizationUrl\": \"https://account.withings.com/oauth2_user/authorize2?response_type=code"
                    + "&client_id=acme-client&state=q3vF0y9Zf1fY2w8kVbq7oXz0m3q9u5N6Qb5m1JrC0aE\","
                    + " \"expiresAt\": \"2026-11-30T12:29:46.741Z\"}";
    static final String CONNECT_SESSION_REQUEST =
            "{\"patientId\": \"patient-123\", \"providers\": [\"withings\", \"oura\"]}";
    static final String CONNECT_LINK = "{\"connectUrl\": \"https://gateway.example/v1/wearables/connect-page/"
            + "Jq0m3Yx8c2Vb7Nw1Rt5Lk9Hs4Dp6Fz0Ga2Ue8Oi3Ty7\", \"expiresAt\": \"2026-11-30T12:49:46.741Z\"}";
    static final String CONNECTED = "{\"ok\": true, \"provider\": \"withings\", \"patientId\": \"patient-123\"}";
    static final String CONNECTED_PENDING =
            "{\"ok\": true, \"provider\": \"withings\", \"patientId\": \"patient-123\", \"pending\": true}";
    static final String MIROBODY_COMPLETED = "{\"provider_slug\": \"withings\", \"stage\": \"completed\"}";
    static final String MIROBODY_PENDING = "{\"provider_slug\": \"withings\", \"stage\": \"pending\"}";
    static final String CONNECTIONS = "[{\"provider\": \"withings\", \"patientId\": \"patient-123\","
            + " \"status\": \"active\", \"connectedAt\": \"2026-11-30T12:20:41Z\","
            + " \"accessTokenExpiresAt\": \"2026-11-30T15:20:41Z\", \"scopes\": [\"user.info\", \"user.metrics\"],"
            + " \"endpointId\": \"1000\", \"lastSyncedAt\": \"2026-11-30T12:21:07Z\", \"syncStatus\": \"ok\"}]";
    static final String PROVIDERS = "[{\"slug\": \"garmin-legacy\", \"displayName\": \"Garmin (legacy OAuth 1.0a)\","
            + " \"description\": \"Garmin Connect Health API over OAuth 1.0a; retired by Garmin on 2026-12-31\","
            + " \"oauthVersion\": \"1.0a\", \"configured\": false, \"retiresOn\": \"2026-12-31\","
            + " \"successor\": \"garmin\"},"
            + " {\"slug\": \"withings\", \"displayName\": \"Withings\", \"description\": \"Withings Public API\","
            + " \"oauthVersion\": \"2.0\", \"configured\": true}]";
    static final String SYNC_JOB = "{\"jobId\": \"1764505200000-0\"}";

    // The errors, by code.
    static final String INVALID_REQUEST =
            CODE + "INVALID_REQUEST" + MESSAGE + "The parameter 'state' appears more than once." + END;
    static final String NOTIFICATION_TOO_LARGE =
            CODE + "INVALID_REQUEST" + MESSAGE + "The notification is too large." + END;
    static final String PROVIDER_ERROR =
            CODE + "PROVIDER_ERROR" + MESSAGE + "Access was not granted at the provider." + END;
    static final String UNAUTHORIZED = CODE + "UNAUTHORIZED" + MESSAGE + "A valid project API key is required." + END;
    static final String INVALID_STATE = CODE + "INVALID_STATE" + MESSAGE
            + "The authorization link is invalid, expired or already used; start connecting again." + END;
    static final String INVALID_NOTIFICATION = CODE + "INVALID_NOTIFICATION" + MESSAGE
            + "The notification did not pass the provider's verification; nothing was changed." + END;
    static final String UNKNOWN_PROVIDER =
            CODE + "UNKNOWN_PROVIDER" + MESSAGE + "No such provider is configured." + END;
    static final String UNKNOWN_NOTIFIER =
            CODE + "UNKNOWN_PROVIDER" + MESSAGE + "No provider with that name sends notifications here." + END;
    static final String CONNECTION_NOT_FOUND = CODE + "CONNECTION_NOT_FOUND" + MESSAGE
            + "This project has no connection of that patient to that provider." + END;
    static final String METHOD_NOT_ALLOWED =
            CODE + "METHOD_NOT_ALLOWED" + MESSAGE + "This address does not take that method." + END;
    static final String CONNECTION_NOT_ACTIVE = CODE + "CONNECTION_NOT_ACTIVE" + MESSAGE
            + "The connection is reauth_required: it is not synced until the patient connects again." + END;
    static final String PROVIDER_RETIRED = "{\"error\": {\"code\": \"PROVIDER_RETIRED\", \"message\": \"Provider"
            + " 'fitbit' was retired on 2026-10-30; connect with 'google-health' instead.\","
            + " \"successor\": \"google-health\"}}";
    static final String UNSUPPORTED_MEDIA_TYPE =
            CODE + "UNSUPPORTED_MEDIA_TYPE" + MESSAGE + "The body must be JSON (Content-Type: application/json)." + END;
    static final String VALIDATION_FAILED =
            CODE + "VALIDATION_FAILED" + MESSAGE + "patientId is required and must be a string." + END;
    static final String PATIENT_ID_INVALID = CODE + "VALIDATION_FAILED" + MESSAGE
            + "patientId must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'." + END;
    static final String PURGE_INVALID = CODE + "VALIDATION_FAILED" + MESSAGE + "purge is true or false." + END;
    static final String MISSING_PARAMETER =
            CODE + "MISSING_PARAMETER" + MESSAGE + "The state parameter is missing." + END;
    static final String PROVIDER_MISMATCH =
            CODE + "PROVIDER_MISMATCH" + MESSAGE + "This authorization was started for another provider." + END;
    static final String TOKEN_EXCHANGE_FAILED = CODE + "TOKEN_EXCHANGE_FAILED" + MESSAGE
            + "The provider did not accept the authorization code (used or expired); start connecting again." + END;
    static final String TEMPORARY_CREDENTIALS_FAILED = CODE + "TOKEN_EXCHANGE_FAILED" + MESSAGE
            + "Garmin (legacy OAuth 1.0a) did not start the authorization; try again later." + END;
    static final String STATE_STORE_UNAVAILABLE = CODE + "STATE_STORE_UNAVAILABLE" + MESSAGE
            + "The gateway cannot reach its state store; nothing was done. Try again shortly." + END;
    static final String CONNECTION_STORE_UNAVAILABLE = CODE + "CONNECTION_STORE_UNAVAILABLE" + MESSAGE
            + "The gateway cannot reach its FHIR store. Try again shortly." + END;
    static final String SYNC_QUEUE_UNAVAILABLE = CODE + "SYNC_QUEUE_UNAVAILABLE" + MESSAGE
            + "The gateway cannot reach its sync queue; no sync was queued. Try again shortly." + END;
    static final String REVOCATION_STORE_UNAVAILABLE = CODE + "REVOCATION_STORE_UNAVAILABLE" + MESSAGE
            + "The gateway cannot record the revocation it owes the provider; the connection was not ended."
            + " Try again shortly." + END;
    static final String INTERNAL_ERROR =
            CODE + "INTERNAL_ERROR" + MESSAGE + "The gateway failed unexpectedly; please try again later." + END;
}
