package health.wearables.domain.events;

/** The kinds of event a platform hears about its connections, by the names they carry on the wire. */
public enum EventType {
    /** A connect succeeded: a first connection, or a reconnect ({@code data.reconnect}). */
    CONNECTION_CREATED("connection.created"),
    /** The tokens were obtained but the connection store could not take them yet; they are being retried. */
    CONNECTION_PENDING("connection.pending"),
    /** The provider refused the refresh token: the patient must connect again. */
    CONNECTION_REAUTH_REQUIRED("connection.reauth_required"),
    /** The connection ended ({@code data.reason}: disconnected, deauthorized, retired). */
    CONNECTION_REVOKED("connection.revoked"),
    /** A sync read and wrote its window ({@code data.window}, {@code data.counts} per data type). */
    SYNC_COMPLETED("sync.completed"),
    /** A sync failed ({@code data.reason}, the gateway's words). */
    SYNC_FAILED("sync.failed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
