package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.HeldEvents;
import health.wearables.application.port.out.HeldEventsContract;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.events.PlatformEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.codec.StringCodec;

class RedisHeldEventsTest extends HeldEventsContract {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedisHeldEvents held = new RedisHeldEvents(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected HeldEvents held() {
        return held;
    }

    @Test
    void both_keys_share_one_hash_tag_and_the_body_survives_a_retry_byte_for_byte() {
        ConnectionKey key = Samples.connectionKey();
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        PlatformEvent failed =
                PlatformEvent.syncFailed("msg_0123456789abcdefXYZ", key, "a \"quoted\" / slashed \u00e9 reason", now);
        EventOutbox.Entry event = EventOutbox.Entry.of(failed);
        held.hold(event);
        held.retryAt(event.id(), now, 1, "the receiver answered 503");

        assertThat(REDIS.client()
                        .getMap(REDIS.prefix() + "{events}:held", StringCodec.INSTANCE)
                        .containsKey(event.id()))
                .isTrue();
        assertThat(REDIS.client()
                        .getScoredSortedSet(REDIS.prefix() + "{events}:held-due", StringCodec.INSTANCE)
                        .contains(event.id()))
                .isTrue();
        assertThat(held.due(now, 10))
                .filteredOn(entry -> entry.id().equals(event.id()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.body()).isEqualTo(event.body()));
    }

    @Test
    void an_unreadable_record_is_left_out() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        EventOutbox.Entry event = EventOutbox.Entry.of(
                PlatformEvent.connectionPending("msg_unreadable0123456", Samples.connectionKey(), now));
        held.hold(event);
        REDIS.client()
                .getMap(REDIS.prefix() + "{events}:held", StringCodec.INSTANCE)
                .put(event.id(), "{not json");

        assertThat(held.due(now, 100)).noneMatch(entry -> entry.id().equals(event.id()));
    }
}
