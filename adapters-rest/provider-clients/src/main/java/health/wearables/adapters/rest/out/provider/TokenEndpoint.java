package health.wearables.adapters.rest.out.provider;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.callback.ExchangeResult.Failed;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import net.minidev.json.JSONObject;

/**
 * One call to a provider's token endpoint, whatever the grant: the request built by Nimbus with the provider's client
 * authentication and extra form fields, sent once through the {@link ProviderTransport}, and the answer read by the
 * {@link TokenResponseReader} with the provider's quirks. Shared by {@link HttpTokenExchange} and
 * {@link HttpTokenRefresh}; every outcome is an {@link ExchangeResult}, never an exception.
 */
final class TokenEndpoint {
    /** Headers that {@link HttpRequest.Builder} sets itself and refuses to take. */
    private static final Set<String> HEADERS_SET_BY_CLIENT =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final Set<String> REGISTERED_ERRORS = Set.of(
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope");

    private final ProviderTransport transport;
    private final Clock clock;
    private final TokenResponseReader reader = new TokenResponseReader();

    TokenEndpoint(ProviderTransport transport, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends the grant once and reads the answer, the provider's envelope taken off by {@code unwrap} (the quirks'
     * {@link ProviderQuirks#unwrap} or {@link ProviderQuirks#unwrapRefresh}).
     */
    ExchangeResult call(
            ConfiguredProvider provider,
            ProviderQuirks quirks,
            AuthorizationGrant grant,
            Function<JSONObject, ProviderQuirks.Unwrapped> unwrap) {
        try {
            return transport
                    .send(request(provider, quirks, grant))
                    .fold(
                            answered -> reader.read(
                                    provider, quirks, unwrap, answered.status(), answered.body(), clock.instant()),
                            unanswered -> new Failed(unanswered.reason()));
        } catch (RuntimeException e) {
            return new Failed("token request could not be made (" + e.getClass().getSimpleName() + ")");
        }
    }

    private HttpRequest request(ConfiguredProvider provider, ProviderQuirks quirks, AuthorizationGrant grant) {
        HTTPRequest nimbus = new TokenRequest(
                        provider.endpoints().token(), clientAuthentication(provider.client()), grant)
                .toHTTPRequest();
        nimbus.setAccept("application/json");
        return post(transport, nimbus, withFields(nimbus.getBody(), quirks.tokenFormFields()));
    }

    /**
     * A POST of {@code body} to the URI of a request Nimbus built, with its headers (client authentication, content
     * type), through the transport: how every form call to a provider's OAuth server is sent.
     */
    static HttpRequest post(ProviderTransport transport, HTTPRequest nimbus, String body) {
        HttpRequest.Builder request = transport
                .request(nimbus.getURI())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> header : nimbus.getHeaderMap().entrySet()) {
            if (!HEADERS_SET_BY_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request.build();
    }

    /** The form body with the provider's extra fields appended, encoded the same way. */
    private static String withFields(String form, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return form;
        }
        Map<String, List<String>> extra = new TreeMap<>();
        fields.forEach((name, value) -> extra.put(name, List.of(value)));
        return form + "&" + URLUtils.serializeParameters(extra);
    }

    /** Our client, authenticated the way the provider's token endpoint takes it (RFC 6749 §2.3.1). */
    static ClientAuthentication clientAuthentication(ProviderClient client) {
        ClientID id = new ClientID(client.id());
        Secret secret = new Secret(client.secret().value());
        return switch (client.authentication()) {
            case BASIC -> new ClientSecretBasic(id, secret);
            case POST -> new ClientSecretPost(id, secret);
        };
    }

    /**
     * Logs the outcome of one call: the provider and our own reason, never the body or a secret. {@code call} names
     * the call ("token exchange"), {@code grant} what the provider refused ("the code").
     */
    static void log(Logger log, ConfiguredProvider provider, ExchangeResult result, String call, String grant) {
        String slug = provider.slug().value();
        LogLine line = result.fold(
                exchanged -> new LogLine(Level.DEBUG, call + " with provider " + slug + " succeeded"),
                refused -> "invalid_client".equals(refused.oauthError())
                        ? new LogLine(
                                Level.ERROR,
                                "token endpoint rejected our client credentials for provider " + slug
                                        + ": check wearables.providers." + slug + ".client-id / client-secret")
                        : new LogLine(
                                Level.WARNING,
                                "token endpoint of provider " + slug + " refused " + grant + ": "
                                        + loggable(refused.oauthError())),
                failed -> new LogLine(Level.WARNING, call + " with provider " + slug + " failed: " + failed.reason()));
        log.log(line.level(), line.message());
    }

    /**
     * The error code when it is one RFC 6749 §5.2 registers; any other text came from the provider and could be
     * anything, even an echoed token, so it is only described.
     */
    private static String loggable(String oauthError) {
        return REGISTERED_ERRORS.contains(oauthError)
                ? oauthError
                : "an unregistered error code (" + oauthError.length() + " characters)";
    }

    /** What the log says about one call. */
    private record LogLine(Level level, String message) {}
}
