package health.wearables.domain.notify;

import java.util.List;
import java.util.Objects;

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

    /** A genuine notification carrying these notices. */
    record Accepted(List<Notice> notices) implements NotificationVerdict {
        public Accepted {
            notices = List.copyOf(notices);
        }
    }
}
