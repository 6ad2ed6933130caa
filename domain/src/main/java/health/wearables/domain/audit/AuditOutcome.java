package health.wearables.domain.audit;

/** How an audited operation ended. */
public enum AuditOutcome {
    /** It did what was asked. */
    SUCCESS,
    /** It was refused: a request or an answer the gateway does not accept; nothing is broken. */
    REFUSED,
    /** It failed on the gateway's or the provider's side; it may be retried. */
    FAILED
}
