package health.wearables.adapters.rest.in.api;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A MicroProfile {@link MetricRegistry} that only counts: each increment of a counter is recorded as
 * {@code name{tag=value,…}}, the way an operator reads it at {@code /metrics}. Written as a proxy because the
 * registry's interface is large and only its counters are used; anything else fails the test.
 */
final class RecordingMetrics {
    private final List<String> increments = new ArrayList<>();

    synchronized void reset() {
        increments.clear();
    }

    synchronized List<String> increments() {
        return List.copyOf(increments);
    }

    MetricRegistry registry() {
        return proxy(MetricRegistry.class, (self, method, args) -> {
            if (method.getName().equals("counter")) {
                String counter = name(args);
                return proxy(Counter.class, (c, m, a) -> {
                    if (m.getName().equals("inc")) {
                        record(counter);
                        return null;
                    }
                    if (m.getName().equals("getCount")) {
                        return 0L;
                    }
                    return objectMethod(c, m, a, "counter " + counter);
                });
            }
            return objectMethod(self, method, args, "registry");
        });
    }

    private synchronized void record(String counter) {
        increments.add(counter);
    }

    private static String name(Object[] args) {
        if (args[0] instanceof MetricID id) {
            return id.getName() + tags(id.getTagsAsArray());
        }
        Tag[] tags = args.length > 1 && args[1] instanceof Tag[] given ? given : new Tag[0];
        return args[0] + tags(tags);
    }

    private static String tags(Tag[] tags) {
        return Arrays.stream(tags)
                .map(tag -> tag.getTagName() + "=" + tag.getTagValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Object objectMethod(Object self, Method method, Object[] args, String what) {
        return switch (method.getName()) {
            case "toString" -> what;
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException(what + " is not expected to be asked " + method);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
