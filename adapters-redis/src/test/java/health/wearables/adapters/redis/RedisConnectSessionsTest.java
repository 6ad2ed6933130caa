package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.wearables.application.port.out.ConnectSessions;
import health.wearables.application.port.out.ConnectSessionsContract;
import health.wearables.domain.Hashing;
import health.wearables.domain.connect.ConnectSession;
import health.wearables.domain.connect.ConnectSessionToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** The connect sessions contract, and what is special to Redis, against the real Redis. */
class RedisConnectSessionsTest extends ConnectSessionsContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TTL = Duration.ofMinutes(30);

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedissonClient client = REDIS.client();
    private final RedisConnectSessions sessions = new RedisConnectSessions(client, REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected ConnectSessions sessions() {
        return sessions;
    }

    private RBucket<String> bucket(String key) {
        return client.getBucket(key, StringCodec.INSTANCE);
    }

    @Test
    void the_key_is_the_sha256_of_the_token_and_the_value_holds_no_token() throws Exception {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        ConnectSession session = session(Optional.of("https://dashboard.example.com/wearables/done"));
        sessions.put(token, session, TTL);

        String expectedKey = REDIS.prefix() + "connect-session:" + Hashing.sha256Hex(token.value());
        assertThat(sessions.keyOf(token)).isEqualTo(expectedKey);
        List<String> keys = new ArrayList<>();
        client.getKeys().getKeysByPattern(REDIS.prefix() + "*").forEach(keys::add);
        assertThat(keys).contains(expectedKey).noneMatch(key -> key.contains(token.value()));
        JsonNode document = new ObjectMapper().readTree(bucket(expectedKey).get());
        assertThat(document.toString()).doesNotContain(token.value());
        assertThat(document.get("v").intValue()).isEqualTo(1);
        assertThat(document.get("providers").toString()).isEqualTo("[\"withings\",\"google-health\"]");
        assertThat(document.get("expiresAt").longValue())
                .isEqualTo(session.expiresAt().toEpochMilli());
    }

    @Test
    void the_key_expires_after_the_ttl_to_the_millisecond() {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        sessions.put(token, session(Optional.empty()), TTL);

        long pttl = bucket(sessions.keyOf(token)).remainTimeToLive();
        assertThat(pttl).isPositive().isLessThanOrEqualTo(TTL.toMillis()).isGreaterThan(TTL.toMillis() - 5_000);
    }

    @Test
    void finding_leaves_the_key_and_taking_deletes_it() {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        sessions.put(token, session(Optional.empty()), TTL);

        assertThat(sessions.find(token)).isPresent();
        assertThat(bucket(sessions.keyOf(token)).isExists()).isTrue();
        assertThat(sessions.take(token)).isPresent();
        assertThat(bucket(sessions.keyOf(token)).isExists()).isFalse();
    }

    @Test
    void an_unreadable_record_counts_as_absent() {
        ConnectSessionToken token = ConnectSessionToken.mint(RANDOM);
        bucket(sessions.keyOf(token)).set("{\"v\":1,\"project\":", TTL);

        assertThat(sessions.find(token)).isEmpty();
        assertThat(sessions.take(token)).isEmpty();
        assertThat(bucket(sessions.keyOf(token)).isExists()).isFalse();
    }
}
