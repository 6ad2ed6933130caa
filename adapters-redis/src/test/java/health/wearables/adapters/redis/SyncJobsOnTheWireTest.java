package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Samples;
import health.wearables.domain.SyncJob;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Redis itself sees of one take, through MONITOR on a plain socket: one script ({@code EVALSHA}) that moves due
 * retries ({@code ZRANGEBYSCORE}), tries {@code XAUTOCLAIM}, then reads a new entry with {@code XREADGROUP}.
 */
class SyncJobsOnTheWireTest {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    @Test
    void a_take_is_one_script_of_ZRANGEBYSCORE_XAUTOCLAIM_and_XREADGROUP() throws IOException {
        String prefix = REDIS.prefix();
        RedisSyncJobs jobs = new RedisSyncJobs(REDIS.client(), prefix, LocalRedis.TIMEOUT, Clock.systemUTC());
        assertThat(jobs.take("warm-up", Duration.ofMinutes(1))).isEmpty(); // the group is looked up once, here
        new RedisSyncQueue(REDIS.client(), prefix, LocalRedis.TIMEOUT)
                .enqueue(new SyncJob(
                        Samples.connectionKey(), "Endpoint/1", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        String marker = prefix + "end-of-take-" + UUID.randomUUID();

        List<String> lines = new ArrayList<>();
        try (Socket monitor = new Socket(InetAddress.getLoopbackAddress(), LocalRedis.PORT)) {
            monitor.setSoTimeout(5_000);
            BufferedReader replies =
                    new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
            RedisMonitor.send(monitor.getOutputStream(), "MONITOR");
            assertThat(replies.readLine()).isEqualTo("+OK");

            assertThat(jobs.take("worker-1", Duration.ofSeconds(30))).isPresent();
            REDIS.client().getBucket(marker).isExists(); // everything about the take is echoed before this

            for (String line = replies.readLine(); line != null && !line.contains(marker); line = replies.readLine()) {
                if (line.contains(prefix)) {
                    lines.add(line);
                }
            }
        }

        lines.forEach(line -> System.out.println("MONITOR line of one take: " + line));
        String stream = prefix + "{sync}";
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0))
                .as("EVALSHA of the script (EVAL once, when Redis does not know it yet)")
                .contains("\"EVALSHA\"")
                .contains(
                        "\"2\" \"" + stream + "\" \"" + stream + ":delayed\" \"sync-workers\" \"worker-1\" \"30000\"");
        assertThat(lines.get(1)).contains(" lua] \"ZRANGEBYSCORE\" \"" + stream + ":delayed\" \"-inf\"");
        assertThat(lines.get(2))
                .contains(" lua] \"XAUTOCLAIM\" \"" + stream + "\" \"sync-workers\" \"worker-1\" \"30000\" \"0-0\""
                        + " \"COUNT\" \"1\"");
        assertThat(lines.get(3))
                .contains(" lua] \"XREADGROUP\" \"GROUP\" \"sync-workers\" \"worker-1\" \"COUNT\" \"1\" \"STREAMS\" \""
                        + stream + "\" \">\"");
    }
}
