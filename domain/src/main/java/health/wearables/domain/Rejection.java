package health.wearables.domain;

import java.util.Optional;

/**
 * Why a flow ended without a connection. {@code message} is written by us and safe to show; nothing the request or the
 * provider sent is copied into it. {@code providerError} is set only to one of RFC 6749's registered error codes.
 * {@code detailForLog} is what the provider said about its error, log-safe, never put in a response.
 * {@code pending} is the verified state's record, present once the state has been consumed and checked, so the answer
 * may go back to the platform's dashboard. {@code successor} is set only on {@link RejectionCode#PROVIDER_RETIRED},
 * to the provider that replaces the retired one, so that a platform can offer it without parsing the message.
 */
public record Rejection(
        RejectionCode code,
        String message,
        Optional<String> providerError,
        Optional<PendingAuthorization> pending,
        Optional<String> detailForLog,
        Optional<ProviderSlug> successor) {

    public static Rejection of(RejectionCode code, String message) {
        return new Rejection(code, message, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Rejection after(PendingAuthorization verified) {
        return new Rejection(code, message, providerError, Optional.of(verified), detailForLog, successor);
    }

    public Rejection withProviderError(String registeredCode) {
        return new Rejection(code, message, Optional.of(registeredCode), pending, detailForLog, successor);
    }

    /** What the provider said, already made log-safe (truncated, control characters replaced): for logs only. */
    public Rejection withDetailForLog(String safeDetail) {
        return new Rejection(code, message, providerError, pending, Optional.of(safeDetail), successor);
    }

    /** The provider that replaces a retired one: {@code error.successor} of a 410 {@code PROVIDER_RETIRED}. */
    public Rejection withSuccessor(ProviderSlug provider) {
        return new Rejection(code, message, providerError, pending, detailForLog, Optional.of(provider));
    }

    /** Leaves out what the provider said: it reaches a log only where a log line asks for it on purpose. */
    @Override
    public String toString() {
        return "Rejection[" + code + ", " + message
                + providerError.map(error -> ", providerError=" + error).orElse("")
                + (pending.isPresent() ? ", after verified state" : "")
                + successor.map(slug -> ", successor=" + slug.value()).orElse("") + "]";
    }
}
