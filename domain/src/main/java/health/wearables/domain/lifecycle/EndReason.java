package health.wearables.domain.lifecycle;

import health.wearables.domain.ConnectionStatus;
import java.util.Locale;

/**
 * Why a connection ended: the platform disconnected it, the patient removed the gateway's access at the provider, or
 * the provider's API was retired. An ended connection holds no token material and is never synced again; connecting
 * again starts it anew.
 */
public enum EndReason {
    /** {@code DELETE /v1/wearables/{provider}/connections/{patientId}}: the gateway revokes the grant itself. */
    DISCONNECTED,
    /** The provider said the patient withdrew the grant: nothing is left to revoke there. */
    DEAUTHORIZED,
    /** The provider's API was shut down on its retirement date: nothing is left to revoke there either. */
    RETIRED;

    /** The word events and records use ({@code disconnected}, {@code deauthorized}, {@code retired}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status an ended connection is listed with. */
    public ConnectionStatus status() {
        return this == RETIRED ? ConnectionStatus.RETIRED : ConnectionStatus.REVOKED;
    }

    /** Whether the grant is still alive at the provider, so that ending the connection must revoke it there. */
    public boolean revokesAtProvider() {
        return this == DISCONNECTED;
    }

    /** The reason read back from its label. */
    public static java.util.Optional<EndReason> parse(String label) {
        for (EndReason reason : values()) {
            if (reason.label().equals(label)) {
                return java.util.Optional.of(reason);
            }
        }
        return java.util.Optional.empty();
    }
}
