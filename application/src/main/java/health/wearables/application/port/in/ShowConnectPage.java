package health.wearables.application.port.in;

import health.wearables.domain.connect.ConnectPage;

/** A patient opens a connect link: the providers on offer, as often as they like until one is chosen. */
@FunctionalInterface
public interface ShowConnectPage {

    /**
     * The page of the link, or that it is gone.
     *
     * @param token the link's token as the browser sent it (checked here; anything malformed is simply gone)
     */
    ConnectPage show(String token);
}
