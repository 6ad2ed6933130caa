package health.wearables.adapters.rest.out.provider.notify;

import health.wearables.application.port.out.SeenNotifications;
import health.wearables.domain.notify.NotificationVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Refuses a signed notification sent again. A signature that was already taken is refused within how long it is
 * remembered; where the provider signs a timestamp, a notification older than {@link #TIMESTAMP_TOLERANCE} is refused
 * anyway, so remembering it for twice that covers its whole life. Where the provider signs no timestamp (Polar,
 * Fitbit) a signature is remembered for {@link #WITHOUT_TIMESTAMP}: a replay after that is possible, and is why a
 * notification only ever asks for what the patient or the provider could ask for anyway (a sync, an end).
 */
final class Replays {
    /** The contract's window: a signed timestamp further than this from the arrival is refused (either way). */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    /** How long a signature with a signed timestamp is remembered. */
    static final Duration WITH_TIMESTAMP = TIMESTAMP_TOLERANCE.multipliedBy(2);
    /** How long a signature without a signed timestamp is remembered. */
    static final Duration WITHOUT_TIMESTAMP = Duration.ofHours(24);

    private final SeenNotifications seen;

    Replays(SeenNotifications seen) {
        this.seen = Objects.requireNonNull(seen, "seen notifications");
    }

    /** Whether a notification signed at {@code signedAt} and received at {@code receivedAt} is recent enough. */
    static boolean fresh(Instant signedAt, Instant receivedAt) {
        return Duration.between(signedAt, receivedAt).abs().compareTo(TIMESTAMP_TOLERANCE) <= 0;
    }

    /**
     * {@code then}'s verdict the first time this verified signature is seen (an acceptance names the fingerprint it
     * was remembered under), refused after.
     *
     * @throws health.wearables.application.port.out.LeaseUnavailable when the replay memory cannot be reached
     */
    NotificationVerdict once(String provider, byte[] mac, Duration keepFor, Supplier<NotificationVerdict> then) {
        String fingerprint = Signatures.fingerprint(provider, mac);
        if (!seen.firstTime(fingerprint, keepFor)) {
            return new NotificationVerdict.Rejected("replayed: this signature was already taken");
        }
        NotificationVerdict verdict = then.get();
        return verdict instanceof NotificationVerdict.Accepted accepted ? accepted.rememberedAs(fingerprint) : verdict;
    }
}
