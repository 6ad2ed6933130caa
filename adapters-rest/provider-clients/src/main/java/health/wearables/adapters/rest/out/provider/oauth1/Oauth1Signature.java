package health.wearables.adapters.rest.out.provider.oauth1;

import health.wearables.domain.ClientSecret;
import health.wearables.domain.Oauth1TokenSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The RFC 5849 HMAC-SHA1 signature, as pure functions: the signature base string (§3.4.1) of a request, and its
 * HMAC-SHA1 digest (§3.4.2) keyed by the client and token secrets.
 */
public final class Oauth1Signature {
    public static final String METHOD = "HMAC-SHA1";
    static final String SIGNATURE = "oauth_signature";
    static final String REALM = "realm";

    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]);

    private Oauth1Signature() {}

    /**
     * The request parameters of §3.4.1.3.1: the URI's query, the form body, the protocol parameters; without
     * {@code oauth_signature} and {@code realm}.
     */
    public static List<Parameter> requestParameters(URI uri, List<Parameter> formBody, List<Parameter> protocol) {
        List<Parameter> all = new ArrayList<>(Parameter.form(uri.getRawQuery()));
        all.addAll(formBody);
        protocol.stream()
                .filter(p -> !p.name().equals(SIGNATURE) && !p.name().equals(REALM))
                .forEach(all::add);
        return all;
    }

    /** §3.4.1.3.2: each name and value encoded, sorted by name then value (duplicates kept), joined by {@code &}. */
    public static String normalizedParameters(List<Parameter> parameters) {
        return parameters.stream()
                .map(p -> new String[] {PercentEncoding.encode(p.name()), PercentEncoding.encode(p.value())})
                .sorted(BY_NAME_THEN_VALUE)
                .map(pair -> pair[0] + "=" + pair[1])
                .collect(Collectors.joining("&"));
    }

    /** §3.4.1.2: lower-case scheme and host, the port only when not the scheme's default, the path; no query. */
    public static String baseStringUri(URI uri) {
        String scheme = Optional.ofNullable(uri.getScheme())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .orElse("");
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> throw new IllegalArgumentException("OAuth 1.0a signs http and https URIs only");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URI has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + port + path;
    }

    /** §3.4.1.1: method in upper case, {@code &}, the encoded base string URI, {@code &}, the encoded parameters. */
    public static String baseString(String method, URI uri, List<Parameter> requestParameters) {
        return PercentEncoding.encode(method.toUpperCase(Locale.ROOT)) + "&"
                + PercentEncoding.encode(baseStringUri(uri)) + "&"
                + PercentEncoding.encode(normalizedParameters(requestParameters));
    }

    /**
     * §3.4.2: base64 of HMAC-SHA1 over the base string, keyed by the encoded client secret, {@code &}, and the
     * encoded token secret (empty when there is no token yet, as in a temporary-credentials request).
     */
    public static String hmacSha1(
            String baseString, ClientSecret clientSecret, Optional<Oauth1TokenSecret> tokenSecret) {
        String key = PercentEncoding.encode(clientSecret.value()) + "&"
                + tokenSecret.map(s -> PercentEncoding.encode(s.value())).orElse("");
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
