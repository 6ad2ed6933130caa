package health.wearables.acceptance.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The third gateway instance's own Redis: a {@code redis-server} on a loopback port that the build starts before that
 * instance and shuts down after the tests. Scenarios stop it as an operator would ({@code redis-cli shutdown nosave})
 * and start it again with the build's arguments; nothing is persisted, so it comes back empty, as after a crash.
 */
public final class ThirdInstanceRedis {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final int port = Settings.thirdInstanceRedisPort();
    private final Path directory = Settings.thirdInstanceRedisDirectory();

    /** Shuts the server down and waits until nothing answers on its port. */
    void stop() {
        run(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "shutdown", "nosave"));
        awaitAnswering(false);
    }

    /** Starts the server (the same arguments as the build's) and waits until it answers PING. */
    void start() {
        run(List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--daemonize",
                "yes",
                "--save",
                "",
                "--appendonly",
                "no",
                "--pidfile",
                directory.resolve("redis.pid").toString(),
                "--dir",
                directory.toString(),
                "--logfile",
                directory.resolve("redis.log").toString()));
        awaitAnswering(true);
    }

    /** Starts the server unless it runs already: what a scenario that stopped it leaves behind, even on failure. */
    void ensureRunning() {
        if (!answersPing()) {
            start();
        }
    }

    boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitAnswering(boolean answering) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (answersPing() != answering) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the third instance's Redis on port " + port + (answering ? " did not start" : " did not stop")
                                + " within " + BOUND.toSeconds() + " s; see " + directory.resolve("redis.log"));
            }
            pause();
        }
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not return within " + BOUND.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (is Redis installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
