package health.wearables.adapters.rest.out.provider;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome;
import health.wearables.domain.lifecycle.RevocationOutcome.Failed;
import health.wearables.domain.lifecycle.RevocationOutcome.Revoked;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * What a revocation call came to, read the same way for every provider: a 2xx is done; a status the provider uses
 * for "already gone" is done too; 429 and 5xx, a timeout, a refused connection may pass and are asked again; any
 * other answer would be the same next time. Reasons are ours: the status or the transport's reason, never the body.
 */
final class RevocationAnswers {
    /** An access token this close to its expiry may expire on the way: it is not sent. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

    private RevocationAnswers() {}

    /** The outcome of one call; {@code alreadyGone} names the statuses that mean the grant no longer exists. */
    static RevocationOutcome read(Answer answer, IntPredicate alreadyGone) {
        return answer.fold(
                answered -> answered.status() / 100 == 2 || alreadyGone.test(answered.status())
                        ? new Revoked()
                        : answeredWith(answered.status()),
                unanswered -> new Failed("revocation request failed: " + unanswered.reason(), true));
    }

    /** A status that is not a revocation: retryable for 429 and 5xx (RFC 7009 §2.2.1: 503 means try later). */
    static Failed answeredWith(int status) {
        return new Failed("revocation endpoint answered HTTP " + status, status == 429 || status >= 500);
    }

    /**
     * For providers that take only the access token: one that has expired would be refused (usually 401, which these
     * providers also answer for a grant that is gone), so it is not sent and the revocation is asked again once the
     * connection's tokens were refreshed.
     */
    static Optional<RevocationOutcome> accessTokenExpired(TokenSet tokens, Instant now) {
        return tokens.accessTokenExpiresAt()
                .filter(expiry -> !expiry.isAfter(now.plus(EXPIRY_MARGIN)))
                .map(expired -> new Failed("the access token has expired; revoking needs a refreshed one", true));
    }

    /** {@code path} below {@code base}, whatever path {@code base} has (WHOOP's API base ends in {@code /developer}). */
    static URI below(URI base, String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }
}
