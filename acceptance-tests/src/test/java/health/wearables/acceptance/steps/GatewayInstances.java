package health.wearables.acceptance.steps;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway instances the build started on Liberty, as processes: which one holds a TCP connection, killed with
 * SIGKILL as a crash would, and started again with Liberty's own {@code server start} (same server directory, so the
 * same {@code server.env}, bootstrap properties and JVM options as the build gave it). Only the first two instances
 * (sharing the run's Redis) are ever killed.
 */
final class GatewayInstances {
    private static final Pattern SS_PID = Pattern.compile("pid=(\\d+)");

    /** One instance: its address, its Liberty server directory. */
    record Instance(String name, URI address, Path serverDirectory) {
        Path pidFile() {
            return serverDirectory.getParent().resolve(".pid").resolve(serverDirectory.getFileName() + ".pid");
        }

        Path serverScript() {
            return serverDirectory
                    .getParent()
                    .getParent()
                    .getParent()
                    .resolve("bin")
                    .resolve("server");
        }

        Optional<Long> pid() {
            try {
                return Optional.of(Long.parseLong(Files.readString(pidFile()).strip()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private GatewayInstances() {}

    /** The first two instances, A and B. */
    static List<Instance> sharingTheRunsRedis() {
        List<Path> logs = Settings.gatewayLogDirectories();
        return List.of(
                new Instance("A", Settings.gatewayBaseUrl(), logs.get(0).getParent()),
                new Instance("B", Settings.secondGatewayBaseUrl(), logs.get(1).getParent()));
    }

    /** The process holding the local end of a loopback TCP connection from the given port, if any. */
    static Optional<Long> processWithLocalPort(int port) {
        String out = run(List.of("ss", "-Htnp", "state", "established", "( sport = :" + port + " )"));
        Matcher matcher = SS_PID.matcher(out);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** The instance whose JVM is that process. */
    static Optional<Instance> instanceOf(long pid) {
        return sharingTheRunsRedis().stream()
                .filter(instance -> instance.pid().equals(Optional.of(pid)))
                .findFirst();
    }

    /** SIGKILL, and waits until the process is gone. */
    static void kill(Instance instance) {
        long pid = instance.pid().orElseThrow(() -> new AssertionError("no pid file for instance " + instance.name()));
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("instance " + instance.name() + " does not run"));
        process.destroyForcibly();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("instance " + instance.name() + " did not die", e);
        }
    }

    /** Whether the instance answers its readiness check. */
    static boolean ready(Instance instance) {
        try {
            return new Gateway().readiness(instance.address()).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code server start}, then waits until it is ready. */
    static void start(Instance instance) {
        run(List.of(
                instance.serverScript().toString(),
                "start",
                instance.serverDirectory().getFileName().toString()));
        Poll.until(
                "instance " + instance.name() + " is ready again",
                () -> ready(instance),
                Boolean::booleanValue,
                Duration.ofMinutes(4));
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not return");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
