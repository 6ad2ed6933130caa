package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxContract;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** The credential inbox contract, and what is special to Redis, against the real Redis. */
class RedisCredentialInboxTest extends CredentialInboxContract {
    private static final Duration TTL = Duration.ofDays(7);

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedissonClient client = REDIS.client();
    private final RedisCredentialInbox inbox = new RedisCredentialInbox(client, REDIS.prefix(), LocalRedis.TIMEOUT);

    @Override
    protected CredentialInbox inbox() {
        return inbox;
    }

    private RMap<String, String> hashOf(ConnectionKey key) {
        return client.getMap(inbox.keyOf(key.project(), key.patient()), StringCodec.INSTANCE);
    }

    @Test
    void a_patients_entries_are_one_hash_under_the_prefix_with_one_field_per_provider_and_the_ttl() {
        ConnectionKey key = Samples.connectionKey();
        inbox.hold(credentials(key, Instant.now()), Duration.ofMillis(123_456));

        RMap<String, String> hash = hashOf(key);
        assertThat(hash.getName())
                .isEqualTo(REDIS.prefix() + "inbox:" + key.project().value() + "/"
                        + key.patient().value());
        assertThat(hash.readAllKeySet()).containsExactly("fitbit");
        assertThat(hash.remainTimeToLive())
                .isPositive()
                .isLessThanOrEqualTo(123_456)
                .isGreaterThan(123_456 - 5_000);
    }

    @Test
    void the_stored_entry_holds_the_ciphertext_and_never_the_token() {
        ConnectionKey key = Samples.connectionKey();
        String token = "plain-access-token-that-must-not-be-stored";
        SealedCredentials credentials = new SealedCredentials(
                key,
                new ReversibleTokenCipher().seal(key, TokenKind.ACCESS, token),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Instant.now());
        inbox.hold(credentials, TTL);

        String document = hashOf(key).get("fitbit");
        assertThat(document)
                .doesNotContain(token)
                .contains(Base64.getEncoder()
                        .encodeToString(credentials.accessToken().ciphertext()));
    }

    @Test
    void credentials_handed_out_for_the_retry_can_be_removed_as_read() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials held = credentials(key, Instant.now());
        inbox.hold(held, TTL);
        SealedCredentials readBack =
                inbox.held(key.project(), Optional.of(key.patient())).get(0);

        inbox.remove(readBack);

        assertThat(hashOf(key).isExists()).as("an empty hash is no key at all").isFalse();
    }

    @Test
    void an_unreadable_entry_is_skipped_and_left_in_place() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials readable = credentials(key, Instant.now());
        inbox.hold(readable, TTL);
        hashOf(key).fastPut("oura", "{\"v\":1,\"key\":");

        assertThat(inbox.held(key.project(), Optional.of(key.patient()))).containsExactly(readable);
        assertThat(hashOf(key).readAllMap()).containsKeys("fitbit", "oura");
    }

    @Test
    void the_retry_sees_only_inbox_entries_under_its_own_prefix() {
        String otherPrefix = LocalRedis.uniquePrefix(RedisCredentialInboxTest.class);
        RedisCredentialInbox other = new RedisCredentialInbox(client, otherPrefix, LocalRedis.TIMEOUT);
        try {
            SealedCredentials elsewhere = credentials(Samples.connectionKey(), Instant.now());
            other.hold(elsewhere, TTL);
            client.getBucket(REDIS.prefix() + "inbox-lookalike", StringCodec.INSTANCE)
                    .set("x");

            assertThat(inbox.waiting(10_000)).doesNotContain(elsewhere);
            assertThat(other.waiting(10_000)).containsExactly(elsewhere);
        } finally {
            client.getKeys().deleteByPattern(otherPrefix + "*");
        }
    }

    @Test
    void entries_of_many_patients_are_all_found_by_the_scan() {
        List<SealedCredentials> many = java.util.stream.IntStream.range(0, 250)
                .mapToObj(i -> credentials(Samples.connectionKey(), Instant.now()))
                .toList();
        many.forEach(credentials -> inbox.hold(credentials, TTL));

        assertThat(inbox.waiting(100_000)).containsAll(many);
    }
}
