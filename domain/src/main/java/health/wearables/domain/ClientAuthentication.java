package health.wearables.domain;

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
public enum ClientAuthentication {
    /** {@code client_secret_basic}: HTTP Basic with the client id and secret. */
    BASIC,
    /** {@code client_secret_post}: client id and secret in the form body. */
    POST
}
