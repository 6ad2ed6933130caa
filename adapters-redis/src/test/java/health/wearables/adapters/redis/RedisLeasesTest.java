package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.LeasesContract;
import health.wearables.application.port.out.Samples;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RBucket;
import org.redisson.client.codec.StringCodec;

/** The leases contract, and the key a lease is, against the real Redis. */
class RedisLeasesTest extends LeasesContract {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedisLeases leases = new RedisLeases(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected Leases leases() {
        return leases;
    }

    @Test
    void a_take_whose_set_was_sent_again_after_its_first_was_applied_holds_the_lease() {
        // what Redisson's retry of a SET NX whose answer was late does: the second SET finds the first one's key
        String name = Samples.unique("lease");
        RBucket<String> key = REDIS.client().getBucket(REDIS.prefix() + "lease:" + name, StringCodec.INSTANCE);
        key.set("the-takers-token", Duration.ofSeconds(45));
        RedisLeases taker =
                new RedisLeases(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT, () -> "the-takers-token");

        Leases.Lease lease = taker.take(name, Duration.ofSeconds(45)).orElseThrow();

        assertThat(leases.take(name, Duration.ofSeconds(45)))
                .as("held against everyone else")
                .isEmpty();
        lease.close();
        assertThat(key.isExists()).isFalse();
    }

    @Test
    void a_lease_is_a_key_under_the_prefix_that_lapses_with_the_lease_and_goes_when_it_is_closed() {
        String name = Samples.unique("lease");
        RBucket<String> key = REDIS.client().getBucket(REDIS.prefix() + "lease:" + name, StringCodec.INSTANCE);

        Leases.Lease lease = leases.take(name, Duration.ofSeconds(45)).orElseThrow();

        assertThat(key.remainTimeToLive())
                .isPositive()
                .isLessThanOrEqualTo(45_000)
                .isGreaterThan(40_000);
        lease.close();
        assertThat(key.isExists()).isFalse();
    }
}
