package health.wearables.adapters.rest.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Reading MicroProfile Config the way API.md defines it: lists are comma-separated, blanks ignored. */
final class ConfigKeys {
    private final Config config;

    ConfigKeys(Config config) {
        this.config = config;
    }

    Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    List<String> list(String key) {
        return value(key).map(text -> Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList()).orElse(List.of());
    }
}
