package health.wearables.application.port.in;

import health.wearables.domain.ApiKey;
import health.wearables.domain.Step;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A platform asks for a connect link for a patient: a single-use page, valid for a while, on which the patient chooses
 * one of the offered providers without the platform's API key ever reaching the browser.
 */
@FunctionalInterface
public interface OpenConnectSession {

    Step<Opened> open(Optional<ApiKey> apiKey, SessionCommand command);

    /** The body of {@code POST /connect-sessions}; {@code redirectUri} may be null, {@code providers} absent. */
    record SessionCommand(String patientId, String redirectUri, Optional<List<String>> providers) {}

    /** The link to hand to the patient, and until when it can be used. */
    record Opened(URI connectUrl, Instant expiresAt) {}
}
