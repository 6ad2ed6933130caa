package health.wearables.domain;

/**
 * Expected protocol outcomes that end a flow. They are answers, not faults: the HTTP adapter maps each to a status.
 */
public enum RejectionCode {
    /** A parameter appears twice, is over its bound, or has characters outside its syntax. */
    INVALID_REQUEST,
    /** State unknown, expired or already used. */
    INVALID_STATE,
    /** No provider with that slug, or it is not configured. */
    UNKNOWN_PROVIDER,
    /** A required callback parameter is missing. */
    MISSING_PARAMETER,
    /** The state was minted for another provider, or {@code iss} is not the provider's issuer. */
    PROVIDER_MISMATCH,
    /** The provider sent {@code error} (the patient declined, or the provider failed). */
    PROVIDER_ERROR,
    /** The token endpoint refused the code, failed, or answered something that is not a bearer token response. */
    TOKEN_EXCHANGE_FAILED,
    /** No or unknown API key. */
    UNAUTHORIZED,
    /** A request body that does not hold what the operation needs. */
    VALIDATION_FAILED,
    /**
     * The provider's retirement date has come: its API is gone, so connecting to it would only fail later. The
     * rejection names the successor where there is one, so that the platform can offer it instead.
     */
    PROVIDER_RETIRED
}
