package health.wearables.adapters.rest.out.provider.oauth1;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One decoded name/value pair of a request (RFC 5849 §3.4.1.3). Values may be secrets (a verifier, a callback with
 * state), so a parameter prints its name only.
 */
public record Parameter(String name, String value) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The pairs of an {@code application/x-www-form-urlencoded} string (a query or a body), decoded as HTML 4.01
     * §17.13.4 says: {@code +} is a space, {@code %XX} are UTF-8 octets, a name without {@code =} has an empty
     * value, duplicates are kept in order. Empty or absent text has no pairs.
     *
     * @throws IllegalArgumentException on a malformed escape
     */
    public static List<Parameter> form(String encoded) {
        List<Parameter> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(new Parameter(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    @Override
    public String toString() {
        return "Parameter[" + name + "]";
    }
}
