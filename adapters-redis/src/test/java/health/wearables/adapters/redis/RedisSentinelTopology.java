package health.wearables.adapters.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redis Sentinel: a master on 127.0.0.1:17100, its replica on 17101, and three sentinels on 17200–17202 watching them
 * under the name {@value #MASTER_NAME} with a quorum of two. Which of the two data servers is the master changes with
 * every failover; the sentinels say which.
 *
 * <p>Both data servers run with {@code min-replicas-to-write 1}, as {@code docs/redis/sentinel.yaml} asks: after a
 * failover the old master refuses writes instead of accepting what its resync as a replica would throw away.
 */
final class RedisSentinelTopology extends RedisTopology {
    static final String MASTER_NAME = "wearables";
    static final List<Integer> DATA = List.of(17100, 17101);
    static final List<Integer> SENTINELS = List.of(17200, 17201, 17202);

    RedisSentinelTopology() {
        super("sentinel", "sentinel.yaml");
    }

    @Override
    protected List<Integer> ports() {
        List<Integer> ports = new ArrayList<>(SENTINELS);
        ports.addAll(DATA);
        return ports;
    }

    @Override
    protected void startServers() throws IOException {
        int master = DATA.get(0);
        int replica = DATA.get(1);
        server(Integer.toString(master), dataServer(master, List.of()));
        server(
                Integer.toString(replica),
                dataServer(replica, List.of("--replicaof", "127.0.0.1", Integer.toString(master))));
        for (int sentinel : SENTINELS) {
            Path dir = workDir().resolve(Integer.toString(sentinel));
            Files.createDirectories(dir);
            Path config = Files.writeString(dir.resolve("sentinel.conf"), sentinelConfig(sentinel, master, replica));
            server(Integer.toString(sentinel), List.of(config.toString(), "--sentinel"));
        }
        for (int port : ports()) {
            await("redis-server listening on " + port, SETTLE, () -> listening(port));
        }
        for (int sentinel : SENTINELS) {
            // A sentinel turns the old master into a replica of the new one once it has seen it claim to be master for
            // 4 hello periods, which it sees in INFO: by default (hello every 2 s, INFO every 10 s) some ten seconds
            // after a failover, a time the new master, with min-replicas-to-write 1, takes no writes. Shorter here,
            // not too short: the other sentinels must hear of the promotion (the leader sees it within 1 s) before
            // they would force their older view on the promoted replica.
            cli(sentinel, "sentinel", "debug", "info-period", "200", "publish-period", "500");
        }
        await(
                "master " + master + " with its replica " + replica + ", known to every sentinel",
                SETTLE,
                () -> healthy(master, replica));
    }

    private static List<String> dataServer(int port, List<String> more) {
        List<String> arguments = new ArrayList<>(dataServer(port));
        arguments.addAll(List.of("--min-replicas-to-write", "1", "--min-replicas-max-lag", "10"));
        arguments.addAll(more);
        return arguments;
    }

    /** A sentinel that already knows the replica and the other two sentinels (fixed ids), so none has to find them. */
    private static String sentinelConfig(int port, int master, int replica) {
        StringBuilder config = new StringBuilder()
                .append("port ")
                .append(port)
                .append("\nbind 127.0.0.1\nsentinel myid ")
                .append(sentinelId(port))
                .append("\nsentinel monitor " + MASTER_NAME + " 127.0.0.1 ")
                .append(master)
                .append(" 2\nsentinel down-after-milliseconds " + MASTER_NAME + " 2000\n")
                .append("sentinel failover-timeout " + MASTER_NAME + " 5000\n")
                .append("sentinel known-replica " + MASTER_NAME + " 127.0.0.1 ")
                .append(replica)
                .append('\n');
        for (int other : SENTINELS) {
            if (other != port) {
                config.append("sentinel known-sentinel " + MASTER_NAME + " 127.0.0.1 ")
                        .append(other)
                        .append(' ')
                        .append(sentinelId(other))
                        .append('\n');
            }
        }
        return config.toString();
    }

    private static String sentinelId(int port) {
        return String.format("%040d", port);
    }

    /** The master's port as the sentinel on {@code sentinel} reports it. */
    static int masterPort(int sentinel) {
        List<String> address = cli(sentinel, "sentinel", "get-master-addr-by-name", MASTER_NAME)
                .lines()
                .toList();
        return Integer.parseInt(address.get(1).strip());
    }

    /** The master's port, as the sentinels agree on it. */
    int master() {
        int master = masterPort(SENTINELS.get(0));
        for (int sentinel : SENTINELS) {
            if (masterPort(sentinel) != master) {
                throw new IllegalStateException("the sentinels do not agree on the master yet");
            }
        }
        return master;
    }

    int replica() {
        int master = master();
        return DATA.get(0) == master ? DATA.get(1) : DATA.get(0);
    }

    /**
     * Every sentinel names {@code master}, sees {@code replica} linked to it and the two other sentinels; the master has
     * its replica (so it takes writes) and the replica's link is up.
     */
    boolean healthy(int master, int replica) {
        for (int sentinel : SENTINELS) {
            if (masterPort(sentinel) != master) {
                return false;
            }
            List<Map<String, String>> replicas = entries(cli(sentinel, "sentinel", "replicas", MASTER_NAME));
            boolean replicaKnown = replicas.stream()
                    .anyMatch(entry -> entry.get("port").equals(Integer.toString(replica))
                            && entry.get("flags").equals("slave")
                            && entry.get("master-link-status").equals("ok")
                            && entry.get("master-port").equals(Integer.toString(master)));
            List<Map<String, String>> others = entries(cli(sentinel, "sentinel", "sentinels", MASTER_NAME));
            if (!replicaKnown
                    || others.size() != SENTINELS.size() - 1
                    || others.stream().anyMatch(entry -> !entry.get("flags").equals("sentinel"))) {
                return false;
            }
        }
        String ofMaster = cli(master, "info", "replication");
        String ofReplica = cli(replica, "info", "replication");
        return infoField(ofMaster, "role").orElse("").equals("master")
                && infoField(ofMaster, "connected_slaves").orElse("").equals("1")
                && infoField(ofReplica, "role").orElse("").equals("slave")
                && infoField(ofReplica, "master_port").orElse("").equals(Integer.toString(master))
                && infoField(ofReplica, "master_link_status").orElse("").equals("up");
    }

    /** The maps of a {@code SENTINEL REPLICAS}/{@code SENTINELS} reply: field and value alternate, each starts with name. */
    private static List<Map<String, String>> entries(String reply) {
        List<String> lines = reply.lines().map(String::strip).toList();
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            if (lines.get(i).equals("name")) {
                entries.add(new LinkedHashMap<>());
            }
            if (!entries.isEmpty()) {
                entries.get(entries.size() - 1).put(lines.get(i), lines.get(i + 1));
            }
        }
        return entries;
    }

    /** Waits until the replica has applied all the master has written so far (what {@code WAIT 1} confirms). */
    void awaitReplicated() {
        int master = master();
        int replica = replica();
        long written = Long.parseLong(infoField(cli(master, "info", "replication"), "master_repl_offset")
                .orElseThrow());
        await(
                "replica " + replica + " has all its master " + master + " wrote",
                TIMEOUT,
                () -> Long.parseLong(infoField(cli(replica, "info", "replication"), "slave_repl_offset")
                                .orElse("-1"))
                        >= written);
    }

    /**
     * {@code SENTINEL FAILOVER}: the sentinels promote the replica and turn the old master into its replica. Waits
     * until every sentinel names the new master, then until the old master replicates from it (with
     * {@code min-replicas-to-write 1} the new master takes writes only from then on); prints both times.
     *
     * @return the port of the new master
     */
    int failover() {
        int oldMaster = master();
        int newMaster = replica();
        long began = System.nanoTime();
        cli(SENTINELS.get(0), "sentinel", "failover", MASTER_NAME);
        await(
                "every sentinel names " + newMaster + " the master",
                SETTLE,
                () -> SENTINELS.stream().allMatch(sentinel -> masterPort(sentinel) == newMaster));
        long switched = millisSince(began);
        await(
                "old master " + oldMaster + " a replica of the new one " + newMaster,
                SETTLE,
                () -> healthy(newMaster, oldMaster));
        System.out.println("Redis sentinel: failover of master " + oldMaster + " to its replica " + newMaster
                + ": the sentinels switched after " + switched + " ms, the old master was a linked replica after "
                + millisSince(began) + " ms");
        return newMaster;
    }
}
