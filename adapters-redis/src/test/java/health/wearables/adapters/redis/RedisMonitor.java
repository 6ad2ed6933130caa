package health.wearables.adapters.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What Redis itself sees while an action runs: {@code MONITOR} on a plain socket, the lines that name the test's key
 * prefix, up to a marker command sent after the action (everything the action sent is echoed before it).
 */
final class RedisMonitor {
    private RedisMonitor() {}

    static List<String> linesOf(LocalRedis redis, String prefix, Runnable action) {
        String marker = prefix + "end-of-action-" + UUID.randomUUID();
        List<String> lines = new ArrayList<>();
        try (Socket monitor = new Socket(InetAddress.getLoopbackAddress(), LocalRedis.PORT)) {
            monitor.setSoTimeout(5_000);
            BufferedReader replies =
                    new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
            send(monitor.getOutputStream(), "MONITOR");
            if (!"+OK".equals(replies.readLine())) {
                throw new IllegalStateException("MONITOR refused");
            }
            action.run();
            boolean unused = redis.client().getBucket(marker).isExists();
            for (String line = replies.readLine(); line != null && !line.contains(marker); line = replies.readLine()) {
                if (line.contains(prefix)) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** A command as a RESP array of bulk strings. */
    static void send(OutputStream out, String... words) throws IOException {
        StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            command.append('$')
                    .append(word.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(word)
                    .append("\r\n");
        }
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
