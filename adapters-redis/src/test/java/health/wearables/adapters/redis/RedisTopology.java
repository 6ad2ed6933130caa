package health.wearables.adapters.redis;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.redisson.api.RedissonClient;

/**
 * Redis servers of one topology (a cluster, a sentinel setup), run by the tests as {@code redis-server} processes of
 * their own on loopback ports, each in a working directory under {@code target/redis-topologies/}, without persistence.
 * A topology is started once per JVM and shared by every test class of it ({@link RedisTopologyExtension}); it is
 * stopped when JUnit closes its root store after the last test, or by a shutdown hook when the JVM ends first. What an
 * aborted run left on the same ports is shut down before starting.
 *
 * <p>Clients are made from the documented Redisson file ({@code docs/redis/*.yaml}) through {@link RedisSettings},
 * so the files the README points to are the files the tests run with.
 */
abstract class RedisTopology implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Every master here has one replica: a take counts once it has the deletion (wearables.redis.wait-replicas=1). */
    static final int WAIT_REPLICAS = 1;

    static final Duration SETTLE = Duration.ofSeconds(20);

    /** Surefire runs the tests in the module's directory (its default working directory, the module's basedir). */
    private static final Path DOCS = Path.of("..", "docs", "redis");

    private static final Path WORK = Path.of("target", "redis-topologies");
    private static final Duration CLI_LIMIT = Duration.ofSeconds(15);

    private final String name;
    private final Path configFile;
    private final Path workDir;
    private final List<Process> processes = new ArrayList<>();
    private final Thread stopAtExit;
    private RedissonClient client;

    RedisTopology(String name, String configFile) {
        this.name = name;
        this.configFile = DOCS.resolve(configFile).toAbsolutePath().normalize();
        this.workDir = WORK.resolve(name).toAbsolutePath();
        this.stopAtExit = new Thread(this::stopServers, "redis-" + name + "-stop");
        if (!Files.isRegularFile(this.configFile)) {
            throw new IllegalStateException("No Redisson configuration at " + this.configFile
                    + " (the tests expect to run in the adapters-redis directory)");
        }
    }

    /** Starts the servers and waits until the topology is ready to fail over. */
    protected abstract void startServers() throws IOException;

    /** Every port this topology uses, shut down first in case an aborted run left a server there. */
    protected abstract List<Integer> ports();

    /**
     * Starts the servers (printing how long that took) and connects the shared client, the one every test class of
     * this topology uses.
     */
    final void start() {
        long began = System.nanoTime();
        long ready;
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        try {
            ports().forEach(RedisTopology::shutDownLeftover);
            deleteRecursively(workDir);
            Files.createDirectories(workDir);
            startServers();
            ready = millisSince(began);
            client = openClient();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        System.out.println("Redis " + name + " started in " + millisSince(began) + " ms (servers ready after " + ready
                + " ms, then the client from " + configFile.getFileName() + ")");
    }

    /** The client made once for the whole run from the documented file; it follows every failover. */
    final RedissonClient client() {
        return client;
    }

    /** Another client from the documented file, for a second gateway instance; the caller shuts it down. */
    final RedissonClient openClient() {
        return settings("probe:").connect();
    }

    /** The settings a gateway on this topology has: the documented file, and takes confirmed by a replica. */
    final RedisSettings settings(String keyPrefix) {
        return new RedisSettings(
                RedisSettings.DEFAULT_ADDRESS, Optional.of(configFile), TIMEOUT, keyPrefix, WAIT_REPLICAS);
    }

    /** A state store as the gateway makes it from {@link #settings}. */
    final RedisStateStore stateStore(RedissonClient on, String keyPrefix) {
        RedisSettings settings = settings(keyPrefix);
        return new RedisStateStore(on, settings.keyPrefix(), settings.timeout(), settings.waitReplicas());
    }

    @Override
    public final void close() {
        try {
            if (client != null) {
                client.shutdown();
            }
        } finally {
            stopServers();
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it stops the same processes, which are stopped already
            }
        }
    }

    /** A server in a working directory of its own under this topology's, its output in {@code redis.log} there. */
    protected final Process server(String dirName, List<String> arguments) throws IOException {
        Path dir = workDir.resolve(dirName);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add("redis-server");
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start redis-server (is it on the PATH?)", e);
        }
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    /** The arguments every data server gets: loopback only, nothing written to disk, no waits on sync or shutdown. */
    protected static List<String> dataServer(int port) {
        return List.of(
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--repl-diskless-sync-delay",
                "0",
                "--shutdown-timeout",
                "0");
    }

    protected final Path workDir() {
        return workDir;
    }

    private void stopServers() {
        List<Process> running;
        synchronized (processes) {
            running = new ArrayList<>(processes);
            processes.clear();
        }
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code redis-cli -p port shutdown nosave}, whatever answers there; then waits until nothing listens. */
    private static void shutDownLeftover(int port) {
        if (!listening(port)) {
            return;
        }
        tryCli(port, "shutdown", "nosave");
        await(
                "port " + port + " free after shutting down a leftover server",
                Duration.ofSeconds(5),
                () -> !listening(port));
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The reply of {@code redis-cli -p port args…}, or a failure that shows the command and what it answered. */
    static String cli(int port, String... args) {
        List<String> command = cliCommand(port, args);
        CliResult result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.output().strip());
        }
        return result.output();
    }

    /** The reply, or nothing when the server does not answer or answers with an error. */
    static Optional<String> tryCli(int port, String... args) {
        CliResult result = run(cliCommand(port, args));
        return result.exitCode() == 0 ? Optional.of(result.output()) : Optional.empty();
    }

    /** {@code redis-cli} with other arguments than one server's port, e.g. {@code --cluster create}. */
    static String cliTool(String... args) {
        List<String> command = new ArrayList<>();
        command.add("redis-cli");
        command.addAll(List.of(args));
        CliResult result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.output().strip());
        }
        return result.output();
    }

    private static List<String> cliCommand(int port, String... args) {
        List<String> command =
                new ArrayList<>(List.of("redis-cli", "-e", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return command;
    }

    private record CliResult(int exitCode, String output) {}

    private static CliResult run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start redis-cli (is it on the PATH?)", e);
        }
        // a redis-cli that hangs is killed, which ends its output
        CompletableFuture.delayedExecutor(CLI_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                .execute(process::destroyForcibly);
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            return new CliResult(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** One field of an {@code INFO} section, e.g. {@code master_link_status}, or nothing. */
    static Optional<String> infoField(String info, String field) {
        return info.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1))
                .findFirst();
    }

    /** Waits, polling every 20 ms, until the condition holds; a condition that throws counts as not yet. */
    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            boolean done;
            try {
                done = condition.getAsBoolean();
            } catch (RuntimeException notYet) {
                done = false;
            }
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not within " + limit.toMillis() + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
