package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StateToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * An outage and a recovery, on a Redis of this test's own (a {@code redis-server} on a free port, stopped and started
 * again), so the shared Redis is never disturbed: during the outage the store fails closed, afterwards the same client
 * works again without anyone touching it.
 */
class RedisReconnectTest {
    private static final String PREFIX = LocalRedis.uniquePrefix(RedisReconnectTest.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port = LocalRedis.closedPort();
    private Process server;
    private RedissonClient client;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (client != null) {
            client.shutdown();
        }
        stopServer();
    }

    @Test
    void after_an_outage_the_store_fails_closed_and_then_recovers_by_itself() throws Exception {
        assumeTrue(onPath("redis-server"), "redis-server is not on the PATH");
        startServer();
        client = LocalRedis.at("redis://127.0.0.1:" + port, PREFIX).connect();
        RedisStateStore store = new RedisStateStore(client, PREFIX, LocalRedis.TIMEOUT);
        assertThat(roundTrip(store)).isTrue();

        stopServer();
        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> store.put(StateToken.mint(RANDOM), pending(), Duration.ofSeconds(60)));
        assertThat(failure).isInstanceOf(StateStoreUnavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        startServer();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        boolean recovered = false;
        while (!recovered && System.nanoTime() < deadline) {
            try {
                recovered = roundTrip(store);
            } catch (StateStoreUnavailable stillDown) {
                Thread.sleep(200);
            }
        }
        assertThat(recovered).as("the store works again once Redis is back").isTrue();
    }

    private static PendingAuthorization pending() {
        return Samples.pending(Instant.now().plusSeconds(60));
    }

    private static boolean roundTrip(RedisStateStore store) {
        StateToken state = StateToken.mint(RANDOM);
        PendingAuthorization pending = pending();
        store.put(state, pending, Duration.ofSeconds(60));
        return store.take(state).equals(Optional.of(pending));
    }

    private void startServer() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("redis-reconnect-test");
        server = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!listening()) {
            assertThat(System.nanoTime()).as("redis-server listens within 5 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    private boolean listening() {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator, -1)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
