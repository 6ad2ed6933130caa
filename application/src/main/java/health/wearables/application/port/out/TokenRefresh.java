package health.wearables.application.port.out;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.callback.ExchangeResult;

/**
 * The provider's token endpoint, asked for new tokens with a refresh token (RFC 6749 §6): sent once, never retried here,
 * since a rotating refresh token works once and a retry is for the caller to decide after reading the stored
 * credentials again. The provider's own refusal of the refresh token is translated to {@code invalid_grant} by its
 * client; every failure is an {@link ExchangeResult}, never an exception.
 */
@FunctionalInterface
public interface TokenRefresh {

    ExchangeResult refresh(ConfiguredProvider provider, RefreshToken refreshToken);
}
