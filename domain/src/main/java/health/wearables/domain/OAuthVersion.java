package health.wearables.domain;

public enum OAuthVersion {
    OAUTH_2_0("2.0"),
    OAUTH_1_0A("1.0a");

    private final String label;

    OAuthVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static OAuthVersion fromLabel(String label) {
        for (OAuthVersion version : values()) {
            if (version.label.equals(label)) {
                return version;
            }
        }
        throw new IllegalArgumentException("oauth-version must be 2.0 or 1.0a, not " + label);
    }
}
