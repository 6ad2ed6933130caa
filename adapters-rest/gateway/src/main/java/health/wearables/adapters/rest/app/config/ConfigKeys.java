package health.wearables.adapters.rest.app.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reading configuration the way API.md defines it: lists are comma-separated, blank values count as absent. */
final class ConfigKeys {
    private final Function<String, Optional<String>> lookup;

    /** @param lookup a key's raw value, e.g. MicroProfile Config's {@code getOptionalValue(key, String.class)} */
    ConfigKeys(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    Optional<String> value(String key) {
        return lookup.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    List<String> list(String key) {
        return value(key)
                .map(text -> Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /** Scopes are separated by spaces or commas. */
    List<String> scopes(String key) {
        return value(key)
                .map(text -> Arrays.stream(text.split("[,\\s]+"))
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
