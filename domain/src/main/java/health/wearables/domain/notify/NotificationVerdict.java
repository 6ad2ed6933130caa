package health.wearables.domain.notify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's own verification made of an inbound notification: refused (the answer is {@code 401} and nothing
 * changes), a subscription challenge to answer, or notices to act on (possibly none: an event type the gateway does not
 * use is acknowledged and ignored).
 */
public sealed interface NotificationVerdict {

    /** The signature, verify token or timestamp failed; {@code why} is for the log, never for the answer. */
    record Rejected(String why) implements NotificationVerdict {
        public Rejected {
            Objects.requireNonNull(why, "why");
        }
    }

    /** A subscription challenge: answer {@code 200} with this body of this media type. */
    record Challenged(String mediaType, String body) implements NotificationVerdict {
        public Challenged {
            Objects.requireNonNull(mediaType, "media type");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A genuine notification carrying these notices; {@code fingerprint}, where its signature was remembered against
     * replays, so that it can be forgotten again when the notices could not be acted on (the provider then sends it
     * again, and that must not count as a replay).
     */
    record Accepted(List<Notice> notices, Optional<String> fingerprint) implements NotificationVerdict {
        public Accepted {
            notices = List.copyOf(notices);
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        public Accepted(List<Notice> notices) {
            this(notices, Optional.empty());
        }

        /** The same notices, remembered under {@code fingerprint}. */
        public Accepted rememberedAs(String fingerprint) {
            return new Accepted(notices, Optional.of(fingerprint));
        }
    }
}
