package health.wearables.adapters.redis;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;

/**
 * A test class's view of a Redis topology, as {@link LocalRedis} is of the single Redis: the topology's shared client
 * (made from the documented Redisson file) and a key prefix of the class's own, whose keys are deleted afterwards. The
 * topology itself is started by the first class that needs it and kept in JUnit's root store, which closes it (stops
 * its servers) after the last test of the run.
 */
final class RedisTopologyExtension<T extends RedisTopology> implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RedisTopologyExtension.class);

    private final Class<T> type;
    private final Supplier<T> maker;
    private T topology;
    private String prefix;

    private RedisTopologyExtension(Class<T> type, Supplier<T> maker) {
        this.type = type;
        this.maker = maker;
    }

    /** Three masters with a replica each, on ports 17000–17005. */
    static RedisTopologyExtension<RedisClusterTopology> cluster() {
        return new RedisTopologyExtension<>(RedisClusterTopology.class, RedisClusterTopology::new);
    }

    /** A master and its replica on 17100/17101, three sentinels on 17200–17202. */
    static RedisTopologyExtension<RedisSentinelTopology> sentinel() {
        return new RedisTopologyExtension<>(RedisSentinelTopology.class, RedisSentinelTopology::new);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        topology = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        type,
                        ignored -> {
                            T started = maker.get();
                            started.start();
                            return started;
                        },
                        type);
        prefix = LocalRedis.uniquePrefix(context.getRequiredTestClass());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (topology != null && prefix != null) {
            topology.client().getKeys().deleteByPattern(prefix + "*");
        }
    }

    T topology() {
        return topology;
    }

    RedissonClient client() {
        return topology.client();
    }

    String prefix() {
        return prefix;
    }
}
