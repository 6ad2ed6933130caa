package health.wearables.domain.callback;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The provider's {@code error} and {@code error_description}. The description is kept only in a log-safe form and is
 * never put in a response.
 */
public record ProviderError(String error, String descriptionForLog) {
    /** RFC 6749 §4.1.2.1: error is NQSCHAR (printable ASCII but {@code "} and {@code \}). */
    private static final Pattern NQSCHAR = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");

    static boolean isWellFormed(String error) {
        return NQSCHAR.matcher(error).matches();
    }

    static ProviderError of(String error, Optional<String> description) {
        return new ProviderError(error, description.map(ProviderErrors::forLog).orElse(""));
    }

    /** The code to name back to the caller: only a registered one. */
    public Optional<String> registeredCode() {
        return ProviderErrors.registered(error);
    }

    public boolean isDeclinedConsent() {
        return error.equals("access_denied");
    }

    public String errorForLog() {
        return ProviderErrors.forLog(error);
    }
}
