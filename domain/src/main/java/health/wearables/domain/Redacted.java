package health.wearables.domain;

/** What a secret prints instead of itself. */
final class Redacted {
    static final String TEXT = "[redacted]";

    private Redacted() {}

    static String of(String typeName) {
        return typeName + TEXT;
    }
}
