package health.wearables.domain.callback;

import java.util.Optional;
import java.util.Set;

/** The provider's {@code error} is named back only if it is one of RFC 6749 §4.1.2.1's registered codes. */
final class ProviderErrors {
    private static final Set<String> REGISTERED = Set.of(
            "invalid_request",
            "unauthorized_client",
            "access_denied",
            "unsupported_response_type",
            "invalid_scope",
            "server_error",
            "temporarily_unavailable");

    private ProviderErrors() {}

    static Optional<String> registered(String error) {
        return REGISTERED.contains(error) ? Optional.of(error) : Optional.empty();
    }

    /** For the log: at most 200 characters, control characters replaced, never for a response. */
    static String forLog(String text) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length() && safe.length() < 200; i++) {
            char c = text.charAt(i);
            safe.append(Character.isISOControl(c) || c > 0x7E ? '?' : c);
        }
        return safe.toString();
    }
}
