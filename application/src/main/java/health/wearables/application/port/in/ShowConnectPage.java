package health.wearables.application.port.in;

import health.wearables.domain.ProviderSlug;
import health.wearables.domain.connect.ConnectPage;
import java.util.Optional;

/**
 * A patient opens a connect link: the providers on offer, as often as they like until one is chosen; and the name of a
 * provider, for the page that ends the patient's way back from it.
 */
public interface ShowConnectPage {

    /**
     * The page of the link, or that it is gone.
     *
     * @param token the link's token as the browser sent it (checked here; anything malformed is simply gone)
     */
    ConnectPage show(String token);

    /** The name a configured provider is shown by, if it is configured. */
    Optional<String> providerName(ProviderSlug provider);
}
