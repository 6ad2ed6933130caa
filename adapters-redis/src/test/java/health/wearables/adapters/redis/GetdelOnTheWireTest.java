package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Samples;
import health.wearables.domain.StateToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Redis itself sees of a take, through MONITOR on a plain socket: one {@code GETDEL} of the hashed key, and no
 * Lua script touching it.
 */
class GetdelOnTheWireTest {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final RedisStateStore store = new RedisStateStore(REDIS.client(), REDIS.prefix(), LocalRedis.TIMEOUT);

    @Test
    void a_take_is_one_GETDEL_of_the_hashed_key_and_no_script() throws IOException {
        StateToken state = StateToken.mint(new SecureRandom());
        store.put(state, Samples.pending(Instant.now().plusSeconds(600)), Duration.ofMinutes(10));
        String key = store.keyOf(state);
        String marker = REDIS.prefix() + "end-of-take-" + UUID.randomUUID();

        List<String> linesAboutKey = new ArrayList<>();
        try (Socket monitor = new Socket(InetAddress.getLoopbackAddress(), LocalRedis.PORT)) {
            monitor.setSoTimeout(5_000);
            BufferedReader replies =
                    new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
            RedisMonitor.send(monitor.getOutputStream(), "MONITOR");
            assertThat(replies.readLine()).isEqualTo("+OK");

            assertThat(store.take(state)).isPresent();
            REDIS.client().getBucket(marker).isExists(); // everything about the take is echoed before this

            for (String line = replies.readLine(); line != null && !line.contains(marker); line = replies.readLine()) {
                if (line.contains(key)) {
                    linesAboutKey.add(line);
                }
            }
        }

        assertThat(linesAboutKey).hasSize(1);
        String line = linesAboutKey.get(0);
        System.out.println("MONITOR line of one take: " + line);
        assertThat(line).contains("\"GETDEL\" \"" + key + "\"").doesNotContain(state.value());
        assertThat(linesAboutKey).noneMatch(each -> each.contains("\"EVAL") || each.contains(" lua]"));
    }
}
