package health.wearables.acceptance.steps;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Redis topology of a run on {@code -P redis-cluster} or {@code -P redis-sentinel} (started by {@code
 * acceptance-tests/topologies/start.sh}), as an operator sees it with {@code redis-cli}: which server is whose master,
 * whether the replicas have all their masters wrote, and a failover. The servers are found from the Redisson file the
 * gateway instances were given (a cluster's nodes, or the sentinels), so this class knows no port of its own.
 *
 * <p>Two kinds of failover. {@link #failOver} is an orderly one, as an operator makes for maintenance: the replicas are
 * first let to catch up, then {@code CLUSTER FAILOVER} is sent to the replica of each master in turn, or {@code
 * SENTINEL FAILOVER} to a sentinel. {@link #killMasters} is a crash: a master's process gets SIGKILL with no catch-up,
 * whatever its replica has not yet received is lost, and the sentinels or the cluster promote the replica by
 * themselves; the killed server is then started again (empty, as nothing is kept on disk) with the arguments {@code
 * start.sh} gave it, and rejoins as the new master's replica. Both return once the topology is whole again (every
 * replica linked to its master), so what the gateway is asked afterwards runs on the new masters.
 */
final class RedisTopology {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration CLI_LIMIT = Duration.ofSeconds(15);
    private static final Pattern ADDRESS = Pattern.compile("redis://127\\.0\\.0\\.1:(\\d+)");
    private static final String MASTER_NAME = "wearables";

    /** What failed over, and how long it took until the topology was whole again. */
    record Failover(String what, Duration took) {}

    /** A master killed: its port and pid, its replica's port; when the replica was master, when all was whole again. */
    record Kill(int master, long pid, int replica, Duration promoted, Duration whole) {
        @Override
        public String toString() {
            return "master " + master + " (pid " + pid + ") killed, its replica " + replica + " named master after "
                    + promoted.toMillis() + " ms, " + master + " started again and linked as its replica: whole after "
                    + whole.toMillis() + " ms";
        }
    }

    private final String kind;
    /** A cluster's nodes, or the sentinels, as the Redisson file lists them. */
    private final List<Integer> listed;

    private RedisTopology(String kind, List<Integer> listed) {
        this.kind = kind;
        this.listed = listed;
    }

    /** {@code cluster} or {@code sentinel}. */
    String kind() {
        return kind;
    }

    /** The run's topology, or a failure that says how to run on one. */
    static RedisTopology ofTheRun() {
        Optional<String> kind = Settings.redisTopology();
        Optional<Path> file = Settings.redisConfigFile();
        if (kind.isEmpty() || file.isEmpty()) {
            throw new AssertionError("this scenario fails a Redis master over: run it on a topology, "
                    + "bash acceptance-tests/topologies/run.sh cluster (or sentinel)");
        }
        List<Integer> ports = new ArrayList<>();
        try {
            Matcher matcher = ADDRESS.matcher(Files.readString(file.get()));
            while (matcher.find()) {
                ports.add(Integer.parseInt(matcher.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (ports.isEmpty()) {
            throw new IllegalStateException("no loopback address in " + file.get());
        }
        return new RedisTopology(kind.get(), ports);
    }

    /** Every master fails over to its replica, one after the other; answers what failed over and how long it took. */
    Failover failOver() {
        return kind.equals("cluster") ? failOverCluster() : failOverSentinel();
    }

    /**
     * Kills masters with SIGKILL, as a crash would, and brings the topology back as an operator would: on Sentinel the
     * master; on a cluster every master, one after the other, the next once the cluster is whole again (a replica is
     * promoted by the votes of a majority of the masters: of three, two killed at once would leave too few). The
     * killed server is started again only once its replica is master: a server that keeps nothing on disk and comes
     * back as master first would make its replica resync to nothing.
     */
    List<Kill> killMasters() {
        if (kind.equals("cluster")) {
            List<Kill> kills = new ArrayList<>();
            mastersAndReplicas()
                    .forEach((master, replica) -> kills.add(kill(
                            master,
                            replica,
                            () -> isClusterMaster(replica),
                            () -> clusterWhole()
                                    && Integer.valueOf(master)
                                            .equals(mastersAndReplicas().get(replica)))));
            return kills;
        }
        int master = sentinelMaster(listed.get(0));
        int replica = sentinelReplica();
        return List.of(kill(
                master,
                replica,
                () -> listed.stream().allMatch(sentinel -> sentinelMaster(sentinel) == replica),
                () -> sentinelWhole(/* master= */ replica, /* replica= */ master)));
    }

    /** SIGKILL to the master's process; its replica awaited as master; the master started again, awaited as replica. */
    private Kill kill(int master, int replica, BooleanSupplier promoted, BooleanSupplier whole) {
        long pid = Long.parseLong(infoField(master, "server", "process_id"));
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no process " + pid + " for the master on " + master));
        long began = System.nanoTime();
        process.destroyForcibly(); // SIGKILL: no shutdown, nothing more sent to the replica
        await("the master on " + master + " (pid " + pid + ") gone", () -> !process.isAlive());
        await("its replica " + replica + " master in its place", promoted);
        Duration namedAfter = Duration.ofMillis(millisSince(began));
        restart(master);
        await("the topology whole again, " + master + " a linked replica of " + replica, whole);
        return new Kill(master, pid, replica, namedAfter, Duration.ofMillis(millisSince(began)));
    }

    /** The killed server started again by {@code restart.sh}, with the arguments {@code start.sh} gave it. */
    private void restart(int port) {
        Path script = Settings.redisTopologiesDirectory().resolve("restart.sh");
        if (run(List.of("bash", script.toString(), kind, Integer.toString(port)))
                .isEmpty()) {
            throw new IllegalStateException(script + " " + kind + " " + port + " failed");
        }
    }

    // Cluster

    /** A line of {@code CLUSTER NODES}: the node's id and port, whether it is a master, its master's id, its slots. */
    private record Node(
            String id, int port, boolean myself, boolean master, boolean failing, String masterId, boolean hasSlots) {
        static Node parse(String line) {
            String[] fields = line.strip().split(" ", -1);
            String flags = fields[2];
            int port = Integer.parseInt(fields[1].split("[:@]", -1)[1]);
            return new Node(
                    fields[0],
                    port,
                    flags.contains("myself"),
                    flags.contains("master"),
                    flags.contains("fail") || flags.contains("noaddr"),
                    fields[3],
                    fields.length > 8);
        }
    }

    private static List<Node> nodes(int port) {
        return cli(port, "cluster", "nodes")
                .lines()
                .filter(line -> !line.isBlank())
                .map(Node::parse)
                .toList();
    }

    /** Whether the node itself claims to be a master serving slots, as after its promotion. */
    private static boolean isClusterMaster(int port) {
        return nodes(port).stream().anyMatch(node -> node.myself() && node.master() && node.hasSlots());
    }

    /** Each master's port and its replica's, ordered, as the first listed node that answers sees them. */
    private Map<Integer, Integer> mastersAndReplicas() {
        for (int port : listed) {
            Optional<String> pong = tryCli(port, "ping");
            if (pong.isPresent()) {
                List<Node> view = nodes(port);
                Map<Integer, Integer> pairs = new TreeMap<>();
                for (Node master : view) {
                    if (master.master() && master.hasSlots()) {
                        view.stream()
                                .filter(node ->
                                        !node.master() && node.masterId().equals(master.id()))
                                .forEach(replica -> pairs.put(master.port(), replica.port()));
                    }
                }
                return pairs;
            }
        }
        throw new IllegalStateException("no node of the cluster answers");
    }

    /** Every node is ok and sees three masters with slots, each with a replica whose link to it is up. */
    private boolean clusterWhole() {
        Map<Integer, Integer> pairs = mastersAndReplicas();
        if (pairs.size() != 3) {
            return false;
        }
        List<Integer> all = new ArrayList<>(pairs.keySet());
        all.addAll(pairs.values());
        for (int port : all) {
            if (!cli(port, "cluster", "info").contains("cluster_state:ok")
                    || nodes(port).stream().anyMatch(Node::failing)) {
                return false;
            }
        }
        return pairs.values().stream()
                .allMatch(replica -> infoField(replica, "master_link_status").equals("up"));
    }

    private Failover failOverCluster() {
        Map<Integer, Integer> pairs = mastersAndReplicas();
        pairs.forEach(RedisTopology::awaitReplicated);
        long began = System.nanoTime();
        List<String> steps = new ArrayList<>();
        pairs.forEach((master, replica) -> {
            long each = System.nanoTime();
            cli(replica, "cluster", "failover");
            await(
                    "replica " + replica + " master in place of " + master + ", the cluster whole again",
                    () -> clusterWhole()
                            && Integer.valueOf(master)
                                    .equals(mastersAndReplicas().get(replica)));
            steps.add(master + " → " + replica + " (" + millisSince(each) + " ms)");
        });
        return new Failover(
                "cluster: each master to its replica (CLUSTER FAILOVER), " + String.join(", ", steps),
                Duration.ofMillis(millisSince(began)));
    }

    // Sentinel

    private int sentinelMaster(int sentinel) {
        List<String> address = cli(sentinel, "sentinel", "get-master-addr-by-name", MASTER_NAME)
                .lines()
                .map(String::strip)
                .toList();
        return Integer.parseInt(address.get(1));
    }

    /** The replica's port as the first sentinel lists it (field and value alternate in the reply). */
    private int sentinelReplica() {
        List<String> lines = cli(listed.get(0), "sentinel", "replicas", MASTER_NAME)
                .lines()
                .map(String::strip)
                .toList();
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            fields.put(lines.get(i), lines.get(i + 1));
        }
        return Integer.parseInt(Optional.ofNullable(fields.get("port"))
                .orElseThrow(() -> new IllegalStateException("the sentinels know no replica")));
    }

    /** Every sentinel names the master, which has one replica, linked to it. */
    private boolean sentinelWhole(int master, int replica) {
        return listed.stream().allMatch(sentinel -> sentinelMaster(sentinel) == master)
                && infoField(master, "role").equals("master")
                && infoField(master, "connected_slaves").equals("1")
                && infoField(replica, "master_port").equals(Integer.toString(master))
                && infoField(replica, "master_link_status").equals("up");
    }

    private Failover failOverSentinel() {
        int master = sentinelMaster(listed.get(0));
        int replica = sentinelReplica();
        awaitReplicated(master, replica);
        long began = System.nanoTime();
        cli(listed.get(0), "sentinel", "failover", MASTER_NAME);
        await(
                "every sentinel names " + replica + " the master",
                () -> listed.stream().allMatch(sentinel -> sentinelMaster(sentinel) == replica));
        long switched = millisSince(began);
        await(
                "old master " + master + " a linked replica of " + replica,
                () -> sentinelWhole(/* master= */ replica, /* replica= */ master));
        return new Failover(
                "sentinel: master " + master + " to its replica " + replica + " (SENTINEL FAILOVER " + MASTER_NAME
                        + "), the sentinels named it after " + switched + " ms",
                Duration.ofMillis(millisSince(began)));
    }

    // Both

    /** Waits until the replica has applied all its master wrote so far, as an orderly failover would. */
    private static void awaitReplicated(int master, int replica) {
        long written = Long.parseLong(infoField(master, "master_repl_offset"));
        await(
                "replica " + replica + " has all its master " + master + " wrote",
                () -> Long.parseLong(infoField(replica, "slave_repl_offset")) >= written);
    }

    /** One field of {@code INFO replication}, or "" when the server does not have it. */
    private static String infoField(int port, String field) {
        return infoField(port, "replication", field);
    }

    /** One field of a section of {@code INFO}, or "" when the server does not have it. */
    private static String infoField(int port, String section, String field) {
        return cli(port, "info", section)
                .lines()
                .map(String::strip)
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1))
                .findFirst()
                .orElse("");
    }

    private static String cli(int port, String... args) {
        return tryCli(port, args)
                .orElseThrow(() ->
                        new IllegalStateException("redis-cli -p " + port + " " + String.join(" ", args) + " failed"));
    }

    /** The reply of {@code redis-cli -e -p port args…}, or nothing when the server fails or answers an error. */
    private static Optional<String> tryCli(int port, String... args) {
        List<String> command =
                new ArrayList<>(List.of("redis-cli", "-e", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return run(command);
    }

    /** What the command wrote, or nothing when it failed or did not finish within the limit. */
    private static Optional<String> run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(CLI_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (is it on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls every 50 ms until the condition holds; a condition that throws counts as not yet. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a server in the middle of the change may not answer
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + SETTLE.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
