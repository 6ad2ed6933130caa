package health.wearables.domain;

import java.util.Locale;

public enum ConnectionStatus {
    ACTIVE,
    PENDING,
    REVOKED,
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
