package health.wearables.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Where the patient's browser is sent after the callback: an absolute {@code https} URL ({@code http} only for
 * loopback hosts), parsed once with {@link URI}, with no user-info, no dot segments, no encoded slashes or dots, and
 * an ASCII host in lower case. The {@code Location} header is built from these validated parts plus encoded
 * parameters, never by pasting input.
 */
public final class ReturnUrl {
    private static final Pattern HOST =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1");

    private final String scheme;
    private final String host;
    private final int port;
    private final String rawPath;
    private final String rawQuery;
    private final String rawFragment;

    private ReturnUrl(String scheme, String host, int port, String rawPath, String rawQuery, String rawFragment) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.rawFragment = rawFragment;
    }

    /**
     * Parses and checks a return URL.
     *
     * @throws IllegalArgumentException with a message fit for the caller, naming the rule that failed
     */
    public static ReturnUrl parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("redirectUri is empty");
        }
        if (text.length() > 2048) {
            throw new IllegalArgumentException("redirectUri is longer than 2048 characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '\\') {
                throw new IllegalArgumentException(
                        "redirectUri contains a control, space, backslash or non-ASCII character");
            }
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redirectUri is not a valid URI");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new IllegalArgumentException("redirectUri must be an absolute https URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("redirectUri must not contain user-info");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("redirectUri has no valid host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("redirectUri host is not a plain DNS name or IPv4 address");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw new IllegalArgumentException("redirectUri must use https (http only for localhost)");
        }
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String lowerPath = rawPath.toLowerCase(Locale.ROOT);
        if (lowerPath.contains("%2e")
                || lowerPath.contains("%2f")
                || lowerPath.contains("%5c")
                || !URI.create(rawPath).normalize().getRawPath().equals(rawPath)
                || rawPath.startsWith("//")
                || hasDotSegmentWithParameters(rawPath)) {
            throw new IllegalArgumentException("redirectUri path has dot segments or encoded separators");
        }
        int port = uri.getPort();
        if (port == defaultPort(scheme)) {
            port = -1;
        }
        return new ReturnUrl(scheme, host, port, rawPath, uri.getRawQuery(), uri.getRawFragment());
    }

    /**
     * {@code ..;x} or {@code .;x}: {@link URI#normalize()} keeps it, but servlet containers drop the path parameter and
     * then resolve the dot segment, which would lead out of the allowed prefix.
     */
    private static boolean hasDotSegmentWithParameters(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** True when this URL lies under {@code prefix}: same scheme, host and port, and the path starts with its path. */
    public boolean isUnder(ReturnUrl prefix) {
        return scheme.equals(prefix.scheme)
                && host.equals(prefix.host)
                && port == prefix.port
                && rawPath.startsWith(prefix.rawPath)
                && prefix.rawQuery == null
                && prefix.rawFragment == null;
    }

    /** This URL with the given parameters appended to its query, each name and value percent-encoded. */
    public URI withParameters(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        if (rawQuery != null && !rawQuery.isEmpty()) {
            query.add(rawQuery);
        }
        parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return URI.create(base() + "?" + query + (rawFragment == null ? "" : "#" + rawFragment));
    }

    private String base() {
        return scheme + "://" + host + (port == -1 ? "" : ":" + port) + rawPath;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The normalised form, as stored and compared. */
    public String value() {
        return base() + (rawQuery == null ? "" : "?" + rawQuery) + (rawFragment == null ? "" : "#" + rawFragment);
    }

    public boolean endsWithSlash() {
        return rawQuery == null && rawFragment == null && rawPath.endsWith("/");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnUrl that && value().equals(that.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
