package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.PendingRevocations;
import health.wearables.application.port.out.PendingRevocationsContract;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ConnectionKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.codec.StringCodec;

class RedisPendingRevocationsTest extends PendingRevocationsContract {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedisPendingRevocations revocations =
            new RedisPendingRevocations(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected PendingRevocations revocations() {
        return revocations;
    }

    @Test
    void both_keys_share_one_hash_tag_so_they_live_in_one_cluster_slot_and_an_unreadable_record_is_dropped() {
        ConnectionKey key = Samples.connectionKey();
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        revocations.park(Samples.sealed(new ReversibleTokenCipher(), key, "a", Optional.empty()), now, now);
        String records = REDIS.prefix() + "{revocations}:records";
        String due = REDIS.prefix() + "{revocations}:due";
        assertThat(REDIS.client().getMap(records, StringCodec.INSTANCE).containsKey(key.canonical()))
                .isTrue();
        assertThat(REDIS.client().getScoredSortedSet(due, StringCodec.INSTANCE).contains(key.canonical()))
                .isTrue();

        REDIS.client().getMap(records, StringCodec.INSTANCE).put(key.canonical(), "{not json");

        assertThat(revocations.claimDue(now, 100, now))
                .noneMatch(parked -> parked.credentials().key().equals(key));
    }
}
