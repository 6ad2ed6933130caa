package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.Samples;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StateToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

class RedisSettingsTest {
    private static final String PREFIX = LocalRedis.uniquePrefix(RedisSettingsTest.class);

    @TempDir
    Path dir;

    @Test
    void the_defaults_are_the_local_redis_two_seconds_and_the_wearables_prefix() {
        assertThat(RedisSettings.defaults())
                .isEqualTo(new RedisSettings(
                        "redis://127.0.0.1:6379", Optional.empty(), Duration.ofSeconds(2), "wearables:"));
    }

    @Test
    void a_config_file_wins_over_the_address() throws IOException {
        Path file = Files.writeString(dir.resolve("redisson.yaml"), """
                singleServerConfig:
                  address: "redis://%s:%d"
                  timeout: 2000
                """.formatted(LocalRedis.HOST, LocalRedis.PORT));
        int closed = LocalRedis.closedPort();
        RedisSettings settings =
                new RedisSettings("redis://127.0.0.1:" + closed, Optional.of(file), LocalRedis.TIMEOUT, PREFIX);

        RedissonClient client = settings.connect();
        try {
            assertThat(client.getBucket(PREFIX + "probe").isExists()).isFalse();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void the_documented_single_server_file_has_the_settings_an_address_gets_and_reaches_the_local_redis() {
        Path documented = Path.of("..", "docs", "redis", "single.yaml");
        RedisSettings fromFile =
                new RedisSettings("redis://127.0.0.1:1", Optional.of(documented), LocalRedis.TIMEOUT, PREFIX);
        Config file = fromFile.redissonConfig();
        Config address = RedisSettings.defaults().redissonConfig();

        assertThat(file.isLazyInitialization()).isEqualTo(address.isLazyInitialization());
        SingleServerConfig fileServer = file.useSingleServer();
        SingleServerConfig addressServer = address.useSingleServer();
        assertThat(fileServer.getAddress()).isEqualTo(addressServer.getAddress());
        assertThat(fileServer.getConnectTimeout()).isEqualTo(addressServer.getConnectTimeout());
        assertThat(fileServer.getTimeout()).isEqualTo(addressServer.getTimeout());
        assertThat(fileServer.getRetryAttempts()).isEqualTo(addressServer.getRetryAttempts());
        assertThat(fileServer.getRetryDelay().calcDelay(1))
                .isEqualTo(addressServer.getRetryDelay().calcDelay(1));
        assertThat(fileServer.getReconnectionDelay())
                .usingRecursiveComparison()
                .isEqualTo(addressServer.getReconnectionDelay());
        assertThat(fileServer.getPingConnectionInterval()).isEqualTo(addressServer.getPingConnectionInterval());
        assertThat(fileServer.getConnectionMinimumIdleSize()).isEqualTo(addressServer.getConnectionMinimumIdleSize());
        assertThat(fileServer.getConnectionPoolSize()).isEqualTo(addressServer.getConnectionPoolSize());

        RedissonClient client = fromFile.connect();
        try {
            RedisStateStore store = new RedisStateStore(client, PREFIX, LocalRedis.TIMEOUT);
            StateToken state = StateToken.mint(new SecureRandom());
            PendingAuthorization pending = Samples.pending(Instant.now().plusSeconds(60));
            store.put(state, pending, Duration.ofSeconds(60));
            assertThat(store.take(state)).contains(pending);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void an_unreadable_config_file_is_named_without_quoting_it() throws IOException {
        Path file = Files.writeString(
                dir.resolve("broken.yaml"), "singleServerConfig:\n  password: hunter2\n  address: [\n");
        RedisSettings settings =
                new RedisSettings("redis://127.0.0.1:6379", Optional.of(file), LocalRedis.TIMEOUT, PREFIX);

        assertThatThrownBy(settings::connect)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "Cannot read the Redisson configuration " + file + " (wearables.redis.config-file)")
                .satisfies(failure -> assertThat(LocalRedis.messagesOf(failure)).doesNotContain("hunter2"));
    }

    @Test
    void a_missing_config_file_is_named() {
        Path file = dir.resolve("absent.yaml");
        RedisSettings settings =
                new RedisSettings("redis://127.0.0.1:6379", Optional.of(file), LocalRedis.TIMEOUT, PREFIX);

        assertThatThrownBy(settings::connect)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void credentials_are_cut_from_an_address_before_it_is_shown() {
        assertThat(RedisSettings.withoutCredentials("rediss://user:secret@redis.example.com:6380"))
                .isEqualTo("rediss://redis.example.com:6380");
        assertThat(RedisSettings.withoutCredentials("redis://:secret@10.0.0.1:6379"))
                .isEqualTo("redis://10.0.0.1:6379");
        assertThat(RedisSettings.withoutCredentials("redis://10.0.0.1:6379")).isEqualTo("redis://10.0.0.1:6379");
    }

    @Test
    void takes_wait_for_no_replica_unless_told_and_never_for_a_negative_number() {
        assertThat(RedisSettings.defaults().waitReplicas()).isZero();
        assertThat(new RedisSettings("redis://127.0.0.1:6379", Optional.empty(), LocalRedis.TIMEOUT, PREFIX, 1)
                        .waitReplicas())
                .isEqualTo(1);
        assertThatThrownBy(() ->
                        new RedisSettings("redis://127.0.0.1:6379", Optional.empty(), LocalRedis.TIMEOUT, PREFIX, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_timeout_under_one_millisecond_is_refused() {
        assertThatThrownBy(() -> new RedisSettings("redis://127.0.0.1:6379", Optional.empty(), Duration.ZERO, PREFIX))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("UnnecessaryAssignment") // builds the CDI bean by hand: no container sets its @Inject fields
    void the_readiness_check_is_up_while_redis_answers() {
        RedissonClient client = LocalRedis.connect(PREFIX);
        try {
            RedisHealthCheck check = new RedisHealthCheck();
            check.client = client;
            check.settings = LocalRedis.settings(PREFIX);

            HealthCheckResponse response = check.call();

            assertThat(response.getName()).isEqualTo("redis");
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        } finally {
            client.shutdown();
        }
    }
}
