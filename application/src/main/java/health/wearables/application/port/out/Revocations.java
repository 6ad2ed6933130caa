package health.wearables.application.port.out;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome;

/**
 * Revokes a patient's grant at the provider, the provider's own way: RFC 7009 at its {@code revocation-url} (one
 * request per token the revocation takes), or its own call (WHOOP's {@code DELETE /v2/user/access}, Strava's
 * deauthorize, Polar's user deletion, Garmin's registration delete, …). A provider that offers none answers {@link
 * RevocationOutcome.NotOffered}. Never throws for what the provider does: an unreachable or failing provider is {@link
 * RevocationOutcome.Failed}.
 */
public interface Revocations {

    RevocationOutcome revoke(ConfiguredProvider provider, TokenSet tokens);
}
