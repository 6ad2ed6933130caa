package health.wearables.domain;

import java.util.Optional;

/**
 * Why a flow ended without a connection. {@code message} is written by us and safe to show; nothing the request or the
 * provider sent is copied into it. {@code providerError} is set only to one of RFC 6749's registered error codes.
 * {@code pending} is the verified state's record, present once the state has been consumed and checked, so the answer
 * may go back to the platform's dashboard.
 */
public record Rejection(RejectionCode code, String message, Optional<String> providerError,
                        Optional<PendingAuthorization> pending) {

    public static Rejection of(RejectionCode code, String message) {
        return new Rejection(code, message, Optional.empty(), Optional.empty());
    }

    public Rejection after(PendingAuthorization verified) {
        return new Rejection(code, message, providerError, Optional.of(verified));
    }

    public Rejection withProviderError(String registeredCode) {
        return new Rejection(code, message, Optional.of(registeredCode), pending);
    }
}
