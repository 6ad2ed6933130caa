package health.wearables.domain.audit;

/**
 * What an audit record is about, by the code it carries in the gateway's own code system (the subtype of a FHIR
 * {@code AuditEvent}).
 */
public enum AuditAction {
    /** {@code POST /connect} answered an authorization URL: a state was minted and stored. */
    CONNECT_STARTED("connect-started"),
    /** {@code POST /connect} was refused after the API key was accepted (unknown or retired provider, bad body). */
    CONNECT_REFUSED("connect-refused"),
    /** The patient came back and the connection was stored (or its credentials held for a retry). */
    CALLBACK_COMPLETED("callback-completed"),
    /** The patient came back and the flow ended without a connection; the detail is the rejection code. */
    CALLBACK_REFUSED("callback-refused"),
    /** A connection's tokens were refreshed at the provider and kept. */
    TOKEN_REFRESHED("token-refreshed"),
    /** The provider refused the refresh: the connection is {@code reauth_required}. */
    REFRESH_REFUSED("refresh-refused"),
    /** The platform disconnected a connection; the detail is what the provider's revocation came to. */
    REVOKED("revoked"),
    /** The provider said the patient withdrew the grant; the connection ended. */
    DEAUTHORIZED("deauthorized"),
    /** The platform asked for a sync now. */
    SYNC_REQUESTED("sync-requested"),
    /** A project call came with no API key, or one that matches no project. */
    API_KEY_REFUSED("api-key-refused");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** The code in the gateway's audit-action code system. */
    public String code() {
        return code;
    }
}
