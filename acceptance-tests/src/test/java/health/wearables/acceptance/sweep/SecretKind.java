package health.wearables.acceptance.sweep;

/** What a secret handled in the run was; findings name the kind, never the value. */
public enum SecretKind {
    STATE,
    AUTHORIZATION_CODE,
    PKCE_VERIFIER,
    ACCESS_TOKEN,
    REFRESH_TOKEN,
    /** A client secret from the configuration, or the HTTP Basic credentials made from it. */
    CLIENT_SECRET,
    /** A project's API key. */
    API_KEY,
    /** Key material of the Tink keyset that seals tokens. */
    TOKEN_KEY,
    /** OAuth 1.0a temporary or token credentials identifier. */
    OAUTH_TOKEN,
    OAUTH_TOKEN_SECRET,
    OAUTH_VERIFIER,
    /**
     * A project's Standard Webhooks secret (whsec_ and base64), or its decoded key; or a provider's webhook secret from
     * the configuration (the key it signs notifications with, if not our client secret).
     */
    WEBHOOK_SECRET,
    /** A provider's webhook verify token from the configuration (subscription challenges, unsigned callback URLs). */
    VERIFY_TOKEN,
    /** The token of a connect link (the last segment of its path): whoever holds it may choose for the patient. */
    CONNECT_LINK
}
