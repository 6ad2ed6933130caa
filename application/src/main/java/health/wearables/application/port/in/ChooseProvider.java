package health.wearables.application.port.in;

import health.wearables.domain.connect.ProviderChosen;

/**
 * A patient chooses a provider on a connect page: the link is used up and the authorization starts, as
 * {@link StartConnection} starts it for the session's project and patient.
 */
@FunctionalInterface
public interface ChooseProvider {

    /**
     * Uses up the link and starts the authorization, unless the link is gone or does not offer the provider.
     *
     * @param token    the link's token as the browser sent it
     * @param provider the chosen provider's slug as the form sent it
     */
    ProviderChosen choose(String token, String provider);
}
