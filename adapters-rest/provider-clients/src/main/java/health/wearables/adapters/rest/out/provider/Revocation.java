package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.time.Instant;

/**
 * How a provider takes back a patient's grant when the patient disconnects: RFC 7009, or the provider's own call
 * (deleting its user registration, a deauthorize endpoint). A provider's {@link ProviderQuirks#revocation()} chooses
 * it; {@link HttpRevocations} runs it and logs the outcome.
 *
 * <p>A strategy makes its calls through {@link RevocationCalls} only, so every call runs under the transport's
 * limits, and it reports in {@link RevocationOutcome}: a failure's reason is our own words (a status, a timeout),
 * never a token, the client secret or what the provider answered.
 */
@FunctionalInterface
public interface Revocation {

    /**
     * Revokes the grant these tokens stand for. {@code now} tells whether the access token is still fresh, for the
     * providers that take nothing else.
     */
    RevocationOutcome revoke(ConfiguredProvider provider, TokenSet tokens, RevocationCalls calls, Instant now);
}
