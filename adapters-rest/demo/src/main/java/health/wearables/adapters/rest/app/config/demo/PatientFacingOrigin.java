package health.wearables.adapters.rest.app.config.demo;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The origin of a URL as a browser writes it in {@code Origin}: {@code scheme://host[:port]}, default ports left out. */
final class PatientFacingOrigin {
    private PatientFacingOrigin() {}

    static Optional<String> of(URI url) {
        String scheme = url.getScheme();
        String host = url.getHost();
        if (scheme == null || host == null) {
            return Optional.empty();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
