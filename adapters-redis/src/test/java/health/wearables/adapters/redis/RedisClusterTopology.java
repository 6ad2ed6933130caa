package health.wearables.adapters.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Redis Cluster of three masters, each with one replica, on 127.0.0.1:17000–17005 (cluster bus: the port plus
 * 10000), made with {@code redis-cli --cluster create … --cluster-replicas 1}. Which node is whose replica is read
 * from {@code CLUSTER NODES}, so it may change with every failover.
 */
final class RedisClusterTopology extends RedisTopology {
    static final List<Integer> PORTS = List.of(17000, 17001, 17002, 17003, 17004, 17005);

    RedisClusterTopology() {
        super("cluster", "cluster.yaml");
    }

    @Override
    protected List<Integer> ports() {
        return PORTS;
    }

    @Override
    protected void startServers() throws IOException {
        for (int port : PORTS) {
            List<String> arguments = new ArrayList<>(dataServer(port));
            arguments.addAll(List.of(
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    "1000"));
            server(Integer.toString(port), arguments);
        }
        for (int port : PORTS) {
            await("redis-server listening on " + port, SETTLE, () -> listening(port));
        }
        List<String> create = new ArrayList<>(List.of("--cluster", "create"));
        PORTS.forEach(port -> create.add("127.0.0.1:" + port));
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        cliTool(create.toArray(String[]::new));
        await("three masters with a replica each, cluster_state:ok on every node", SETTLE, this::healthy);
    }

    /** One line of {@code CLUSTER NODES}. */
    record Node(String id, int port, Set<String> flags, String masterId, List<int[]> slots) {
        static Node parse(String line) {
            String[] fields = line.strip().split(" ", -1);
            String address = fields[1];
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1, address.indexOf('@')));
            List<int[]> slots = new ArrayList<>();
            for (int i = 8; i < fields.length; i++) {
                if (!fields[i].startsWith("[")) { // a slot being migrated: none here
                    String[] range = fields[i].split("-", -1);
                    int from = Integer.parseInt(range[0]);
                    slots.add(new int[] {from, range.length == 2 ? Integer.parseInt(range[1]) : from});
                }
            }
            return new Node(fields[0], port, Set.of(fields[2].split(",", -1)), fields[3], slots);
        }

        boolean master() {
            return flags.contains("master");
        }

        boolean failing() {
            return flags.contains("fail") || flags.contains("fail?") || flags.contains("handshake");
        }

        boolean owns(int slot) {
            return slots.stream().anyMatch(range -> range[0] <= slot && slot <= range[1]);
        }
    }

    /** The cluster as the node on {@code port} sees it. */
    static List<Node> nodes(int port) {
        return cli(port, "cluster", "nodes")
                .lines()
                .filter(line -> !line.isBlank())
                .map(Node::parse)
                .toList();
    }

    /** Each master's port and its replica's, as the first node that answers sees them. */
    Map<Integer, Integer> mastersAndReplicas() {
        for (int port : PORTS) {
            if (tryCli(port, "ping").isPresent()) {
                return mastersAndReplicas(nodes(port));
            }
        }
        throw new IllegalStateException("no node of the cluster answers");
    }

    private static Map<Integer, Integer> mastersAndReplicas(List<Node> view) {
        Map<Integer, Integer> pairs = new TreeMap<>(); // ordered, so that views compare as text
        for (Node master : view) {
            if (master.master() && !master.slots().isEmpty()) {
                view.stream()
                        .filter(node -> !node.master() && node.masterId().equals(master.id()))
                        .forEach(replica -> pairs.put(master.port(), replica.port()));
            }
        }
        return pairs;
    }

    /** The masters as the first node that answers sees them, to find the master of many slots with one look. */
    List<Node> masters() {
        int any = mastersAndReplicas().keySet().iterator().next();
        return nodes(any).stream()
                .filter(node -> node.master() && !node.slots().isEmpty())
                .toList();
    }

    /** The port of the master of {@code slot} among {@code masters}. */
    static int masterOf(List<Node> masters, int slot) {
        return masters.stream()
                .filter(node -> node.owns(slot))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no master serves slot " + slot))
                .port();
    }

    /**
     * Every node says {@code cluster_state:ok} and sees the same three masters holding all slots, each with one
     * replica whose link to it is up.
     */
    boolean healthy() {
        Set<String> layouts = new HashSet<>();
        for (int port : PORTS) {
            if (!cli(port, "cluster", "info").contains("cluster_state:ok")) {
                return false;
            }
            List<Node> view = nodes(port);
            if (view.size() != PORTS.size() || view.stream().anyMatch(Node::failing)) {
                return false;
            }
            Map<Integer, Integer> pairs = mastersAndReplicas(view);
            if (pairs.size() != 3) {
                return false;
            }
            layouts.add(pairs.toString());
        }
        if (layouts.size() != 1) {
            return false;
        }
        for (int replica : mastersAndReplicas().values()) {
            if (!infoField(cli(replica, "info", "replication"), "master_link_status")
                    .orElse("")
                    .equals("up")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until every replica has applied all its master has written so far (what {@code WAIT 1} would confirm
     * for a writer), so a failover loses nothing written before this call.
     */
    void awaitReplicated() {
        mastersAndReplicas().forEach((master, replica) -> {
            long written = Long.parseLong(infoField(cli(master, "info", "replication"), "master_repl_offset")
                    .orElseThrow());
            await(
                    "replica " + replica + " has all its master " + master + " wrote",
                    TIMEOUT,
                    () -> Long.parseLong(infoField(cli(replica, "info", "replication"), "slave_repl_offset")
                                    .orElse("-1"))
                            >= written);
        });
    }

    /**
     * {@code CLUSTER FAILOVER} sent to the replica of {@code master}: the replica takes over once it has all the master
     * wrote, the master becomes its replica. Waits until every node agrees and the cluster is ok; prints how long it
     * took.
     *
     * @return the port of the new master
     */
    int failover(int master) {
        Integer replica = mastersAndReplicas().get(master);
        if (replica == null) {
            throw new IllegalArgumentException(master + " is not a master of the cluster");
        }
        long began = System.nanoTime();
        cli(replica, "cluster", "failover");
        await(
                "replica " + replica + " master in place of " + master + ", every node ok",
                SETTLE,
                () -> healthy()
                        && Integer.valueOf(master).equals(mastersAndReplicas().get(replica)));
        System.out.println("Redis cluster: failover of master " + master + " to its replica " + replica + " in "
                + millisSince(began) + " ms");
        return replica;
    }
}
