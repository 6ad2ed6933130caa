package health.wearables.application.port.in;

import health.wearables.domain.ApiKey;
import health.wearables.domain.Connecting;
import health.wearables.domain.Step;
import java.util.Optional;

/** A platform starts connecting a patient's wearable: a single-use state is minted and the authorization URL returned. */
@FunctionalInterface
public interface StartConnection {

    Step<Connecting.Started> start(Optional<ApiKey> apiKey, String provider, ConnectCommand command);

    /** The body of {@code POST /connect}; {@code redirectUri} may be null. */
    record ConnectCommand(String patientId, String redirectUri, boolean redirectOnError) {}
}
