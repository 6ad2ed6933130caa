package health.wearables.acceptance.steps;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Query {
    private Query() {}

    static Map<String, String> of(URI uri) {
        return parse(uri.getRawQuery());
    }

    /** A raw query string or form body; the last of a repeated name wins. */
    static Map<String, String> parse(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        pairs(raw).forEach(pair -> parameters.put(pair.getKey(), pair.getValue()));
        return parameters;
    }

    /** Every name and value, decoded, in order, repeated names included. */
    static List<Map.Entry<String, String>> pairs(String raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String pair : raw.split("&", -1)) {
            String[] parts = pair.split("=", 2);
            pairs.add(Map.entry(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : ""));
        }
        return pairs;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // a hostile test input, e.g. a lone '%': kept as sent
        }
    }
}
