package health.wearables.application.port.out;

import health.wearables.domain.events.WebhookTarget;
import java.time.Duration;

/**
 * Sends one event to a platform's webhook URL, signed as the Standard Webhooks specification defines with the project's
 * secret, waiting at most the configured timeout. Never throws for what the receiver does.
 */
public interface EventDelivery {

    Outcome deliver(WebhookTarget target, EventOutbox.Entry event);

    /** The longest one {@link #deliver} takes, whatever the receiver does: the delivery's lease covers it. */
    Duration longestAttempt();

    /** What one attempt came to. */
    sealed interface Outcome {}

    /** The receiver answered 2xx. */
    record Delivered(int status) implements Outcome {}

    /** The receiver answered 410: no more deliveries to this URL. */
    record Gone() implements Outcome {}

    /** Anything else (another status, a timeout, a refused connection); {@code why} is the gateway's words. */
    record Failed(String why) implements Outcome {}
}
