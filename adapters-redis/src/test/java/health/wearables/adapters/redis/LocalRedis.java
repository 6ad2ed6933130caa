package health.wearables.adapters.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;

/**
 * The real Redis the tests run against, at 127.0.0.1:6379. Registered as an extension, it gives a test class a
 * connected client and a key prefix of its own, and deletes the keys under that prefix afterwards, so runs (and other
 * users of that Redis) never see each other's keys. A test instance may use both in its field initialisers.
 */
final class LocalRedis implements BeforeAllCallback, AfterAllCallback {
    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private String prefix;
    private RedissonClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        prefix = uniquePrefix(context.getRequiredTestClass());
        client = connect(prefix);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            deleteAndShutDown(client, prefix);
        }
    }

    String prefix() {
        return prefix;
    }

    RedissonClient client() {
        return client;
    }

    static String uniquePrefix(Class<?> testClass) {
        return "test:" + testClass.getSimpleName() + ":"
                + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    static RedisSettings settings(String prefix) {
        return at("redis://" + HOST + ":" + PORT, prefix);
    }

    static RedisSettings at(String address, String prefix) {
        return new RedisSettings(address, Optional.empty(), TIMEOUT, prefix);
    }

    /** A client that has answered PING, or a failed test that says to start Redis. */
    static RedissonClient connect(String prefix) {
        return settings(prefix).connect();
    }

    static void deleteAndShutDown(RedissonClient client, String prefix) {
        try {
            client.getKeys().deleteByPattern(prefix + "*");
        } finally {
            client.shutdown();
        }
    }

    /** A loopback port that nothing listens on (it was free a moment ago). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of an exception and all its causes, to check that none of them shows a secret. */
    static String messagesOf(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable each = error; each != null; each = each.getCause()) {
            messages.add(each.getClass().getName() + ": " + each.getMessage());
        }
        return String.join("\n", messages);
    }
}
