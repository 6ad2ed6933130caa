package health.wearables.domain;

import java.util.Locale;

/** How a connection's syncing stands, as its listing shows it ({@code syncStatus}). */
public enum SyncStatus {
    /** No sync of the connection has run yet. */
    NEVER,
    /** A worker syncs the connection now. */
    RUNNING,
    /** The last sync read every page and wrote what it read. */
    OK,
    /** The last sync failed (or was given up on); what it wrote before failing stays. */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
