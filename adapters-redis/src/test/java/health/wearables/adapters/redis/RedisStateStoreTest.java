package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.StateStore;
import health.wearables.application.port.out.StateStoreContract;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StateToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** The state store contract, and what is special to Redis, against the real Redis. */
class RedisStateStoreTest extends StateStoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TTL = Duration.ofMinutes(10);

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedissonClient client = REDIS.client();
    private final RedisStateStore store = new RedisStateStore(client, REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected StateStore store() {
        return store;
    }

    private RBucket<String> bucket(String key) {
        return client.getBucket(key, StringCodec.INSTANCE);
    }

    private List<String> keysUnderPrefix() {
        List<String> keys = new ArrayList<>();
        client.getKeys().getKeysByPattern(REDIS.prefix() + "state:*").forEach(keys::add);
        return keys;
    }

    @Test
    void the_key_is_the_sha256_of_the_state_and_neither_key_nor_value_holds_the_state() throws Exception {
        StateToken state = StateToken.mint(RANDOM);
        store.put(state, Samples.pending(Instant.now().plus(TTL)), TTL);

        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(state.value().getBytes(StandardCharsets.US_ASCII));
        String expectedKey = REDIS.prefix() + "state:" + HexFormat.of().formatHex(digest);
        assertThat(keysUnderPrefix()).contains(expectedKey).noneMatch(key -> key.contains(state.value()));
        assertThat(bucket(expectedKey).get()).isNotNull().doesNotContain(state.value());
    }

    @Test
    void an_oauth1_token_is_keyed_by_its_sha256_in_its_own_namespace_and_its_record_is_version_2() throws Exception {
        Oauth1Token token =
                new Oauth1Token("hh5s93j4hdidpola-" + StateToken.mint(RANDOM).value());
        PendingAuthorization pending = Samples.pendingOauth1(Instant.now().plus(TTL));
        store.put(token, pending, TTL);

        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.US_ASCII));
        String expectedKey = REDIS.prefix() + "oauth1-token:" + HexFormat.of().formatHex(digest);
        assertThat(store.keyOf(token)).isEqualTo(expectedKey);
        JsonNode document = new ObjectMapper().readTree(bucket(expectedKey).get());
        assertThat(document.get("v").intValue()).isEqualTo(2);
        assertThat(document.get("temporarySecret").textValue())
                .isEqualTo(pending.temporarySecret().orElseThrow().value());
        assertThat(document.toString()).doesNotContain(token.value());
        assertThat(store.take(token)).contains(pending);
        assertThat(bucket(expectedKey).isExists()).isFalse();
    }

    @Test
    void the_key_expires_after_the_ttl_to_the_millisecond() {
        StateToken state = StateToken.mint(RANDOM);
        Duration ttl = Duration.ofMillis(123_456);
        store.put(state, Samples.pending(Instant.now().plus(ttl)), ttl);

        long pttl = bucket(store.keyOf(state)).remainTimeToLive();
        assertThat(pttl).isPositive().isLessThanOrEqualTo(ttl.toMillis()).isGreaterThan(ttl.toMillis() - 5_000);
    }

    @Test
    void the_value_is_a_versioned_document_whose_only_secret_is_the_pkce_verifier() throws Exception {
        StateToken state = StateToken.mint(RANDOM);
        PendingAuthorization pending = Samples.pending(Instant.now().plus(TTL));
        store.put(state, pending, TTL);

        JsonNode document =
                new ObjectMapper().readTree(bucket(store.keyOf(state)).get());
        List<String> fields = new ArrayList<>();
        document.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "v",
                        "project",
                        "patient",
                        "provider",
                        "returnUrl",
                        "redirectOnError",
                        "pkceVerifier",
                        "expiresAt");
        assertThat(document.get("v").intValue()).isEqualTo(1);
        assertThat(document.get("pkceVerifier").textValue())
                .isEqualTo(pending.pkceVerifier().orElseThrow().value());
        assertThat(document.get("returnUrl").textValue())
                .isEqualTo(pending.returnUrl().orElseThrow().value());
        assertThat(document.get("expiresAt").longValue())
                .isEqualTo(pending.expiresAt().toEpochMilli());
    }

    @Test
    void an_unreadable_record_counts_as_absent_and_is_gone_afterwards() {
        StateToken state = StateToken.mint(RANDOM);
        bucket(store.keyOf(state)).set("{\"v\":1,\"project\":", TTL);

        assertThat(store.take(state)).isEmpty();
        assertThat(bucket(store.keyOf(state)).isExists()).isFalse();
    }

    @Test
    void a_record_of_another_version_counts_as_absent() {
        StateToken state = StateToken.mint(RANDOM);
        String future = PendingAuthorizationJson.write(
                        Samples.pending(Instant.now().plus(TTL)))
                .replace("\"v\":1", "\"v\":3");
        bucket(store.keyOf(state)).set(future, TTL);

        assertThat(store.take(state)).isEmpty();
    }

    @Test
    void a_ttl_under_one_millisecond_is_refused() {
        StateToken state = StateToken.mint(RANDOM);
        PendingAuthorization pending = Samples.pending(Instant.now().plus(TTL));

        assertThatThrownBy(() -> store.put(state, pending, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(state, pending, Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bucket(store.keyOf(state)).isExists()).isFalse();
    }

    @Test
    void a_take_that_no_replica_confirms_fails_closed_and_spends_the_state() {
        RedisStateStore confirmed = new RedisStateStore(client, REDIS.prefix(), Duration.ofMillis(400), 1);
        StateToken state = StateToken.mint(RANDOM);
        store.put(state, Samples.pending(Instant.now().plus(TTL)), TTL);

        assertThatThrownBy(() -> confirmed.take(state))
                .isInstanceOf(StateStoreUnavailable.class)
                .hasMessage("state store take: 0 of 1 replicas confirmed it within 200 ms");
        assertThat(store.take(state)).as("deleted by the unconfirmed take").isEmpty();
        assertThatThrownBy(() -> new RedisStateStore(client, REDIS.prefix(), LocalRedis.TIMEOUT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
