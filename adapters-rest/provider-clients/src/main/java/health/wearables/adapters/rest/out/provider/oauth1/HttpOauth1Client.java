package health.wearables.adapters.rest.out.provider.oauth1;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer;
import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer.Answered;
import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer.Unanswered;
import health.wearables.adapters.rest.out.provider.ProviderTransport;
import health.wearables.adapters.rest.out.provider.TokenEndpointLimits;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Result.Failed;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Result.Obtained;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Result.Refused;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.Oauth1Verifier;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The client side of RFC 5849's redirection-based authorization, over {@code java.net.http}: temporary credentials
 * (§2.1), the authorization URL (§2.2), token credentials (§2.3). Each request is an HMAC-SHA1-signed POST with the
 * protocol parameters in the {@code Authorization} header, sent exactly once (a resend would replay the nonce and,
 * for token credentials, the verifier), under the OAuth 2.0 token client's rules: a connect timeout, one deadline for
 * the whole answer, a body cap, no redirects followed.
 *
 * <p>Every outcome is an {@link Oauth1Result}. Logs name the endpoint's host and our own reason, never a body, a
 * token, a secret, a verifier or an exception message (which might quote what it was given).
 */
public final class HttpOauth1Client {
    private static final Logger LOG = System.getLogger(HttpOauth1Client.class.getName());
    private static final String FORM = "application/x-www-form-urlencoded";

    private final ProviderTransport transport;
    private final Oauth1Signer signer;

    public HttpOauth1Client(TokenEndpointLimits limits, Oauth1Signer signer) {
        this.transport = new ProviderTransport(limits);
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * Asks for temporary credentials, signed with the client credentials only. Success needs a 200 with
     * {@code oauth_token}, {@code oauth_token_secret} and {@code oauth_callback_confirmed=true} (hostile case 46:
     * without the confirmation there are no credentials, so no authorization URL can be made).
     */
    public Oauth1Result<TemporaryCredentials> temporaryCredentials(
            URI requestTokenUri, ClientCredentials client, URI callbackUri) {
        return log(
                "temporary credentials",
                requestTokenUri,
                post(
                        requestTokenUri,
                        client,
                        Optional.empty(),
                        new Parameter("oauth_callback", callbackUri.toString()),
                        HttpOauth1Client::temporary));
    }

    /** Exchanges authorized temporary credentials and their verifier for token credentials. */
    public Oauth1Result<TokenCredentials> tokenCredentials(
            URI accessTokenUri, ClientCredentials client, TemporaryCredentials temporary, Oauth1Verifier verifier) {
        return log(
                "token credentials",
                accessTokenUri,
                post(
                        accessTokenUri,
                        client,
                        Optional.of(temporary),
                        new Parameter("oauth_verifier", verifier.value()),
                        fields -> new Obtained<>(new TokenCredentials(
                                new Oauth1Token(fields.get("oauth_token")),
                                new Oauth1TokenSecret(fields.get("oauth_token_secret"))))));
    }

    /**
     * A protected resource, read with token credentials (RFC 5849 §3): a signed {@code GET}, sent once under the same
     * rules. The answer is the caller's to read; nothing of it is logged here.
     */
    public Answer signedGet(URI uri, ClientCredentials client, TokenCredentials token) {
        return signed("GET", uri, client, token);
    }

    /**
     * A protected resource deleted with token credentials (RFC 5849 §3), such as a provider's registration of the
     * user: a signed {@code DELETE} without a body, sent once under the same rules. The answer is the caller's.
     */
    public Answer signedDelete(URI uri, ClientCredentials client, TokenCredentials token) {
        return signed("DELETE", uri, client, token);
    }

    private Answer signed(String method, URI uri, ClientCredentials client, TokenCredentials token) {
        HttpRequest request;
        try {
            request = transport
                    .request(uri)
                    .header(
                            "Authorization",
                            signer.authorization(method, uri, List.of(), client, Optional.of(token), List.of()))
                    .header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build();
        } catch (RuntimeException e) {
            return new Unanswered("request could not be made (" + e.getClass().getSimpleName() + ")");
        }
        return transport.send(request);
    }

    /** The provider's authorization URI with {@code oauth_token} appended to whatever query it already has. */
    public URI authorizationUrl(URI authorizeUri, Oauth1Token temporaryToken) {
        String uri = authorizeUri.toString();
        String fragment = authorizeUri.getRawFragment() == null ? "" : "#" + authorizeUri.getRawFragment();
        String base = uri.substring(0, uri.length() - fragment.length());
        String separator =
                authorizeUri.getRawQuery() == null ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return URI.create(
                base + separator + "oauth_token=" + PercentEncoding.encode(temporaryToken.value()) + fragment);
    }

    private static Oauth1Result<TemporaryCredentials> temporary(Map<String, String> fields) {
        if (!"true".equals(fields.get("oauth_callback_confirmed"))) {
            return new Failed<>("the provider did not confirm the callback (oauth_callback_confirmed is not true)");
        }
        return new Obtained<>(new TemporaryCredentials(
                new Oauth1Token(fields.get("oauth_token")), new Oauth1TokenSecret(fields.get("oauth_token_secret"))));
    }

    private <C extends Oauth1Credentials> Oauth1Result<C> post(
            URI uri,
            ClientCredentials client,
            Optional<TemporaryCredentials> token,
            Parameter extra,
            Function<Map<String, String>, Oauth1Result<C>> reader) {
        HttpRequest request;
        try {
            request = transport
                    .request(uri)
                    .header(
                            "Authorization",
                            signer.authorization("POST", uri, List.of(), client, token, List.of(extra)))
                    .header("Content-Type", FORM)
                    .header("Accept", FORM)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
        } catch (RuntimeException e) {
            return new Failed<>("request could not be made (" + e.getClass().getSimpleName() + ")");
        }
        return read(transport.send(request), reader);
    }

    private static <C extends Oauth1Credentials> Oauth1Result<C> read(
            Answer answer, Function<Map<String, String>, Oauth1Result<C>> reader) {
        return answer.fold(answered -> read(answered, reader), unanswered -> new Failed<>(unanswered.reason()));
    }

    private static <C extends Oauth1Credentials> Oauth1Result<C> read(
            Answered answered, Function<Map<String, String>, Oauth1Result<C>> reader) {
        if (answered.status() == 401) {
            return new Refused<>("the provider answered 401");
        }
        if (answered.status() != 200) {
            return new Failed<>("the provider answered with status " + answered.status());
        }
        Map<String, String> fields;
        try {
            fields = fields(new String(answered.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return new Failed<>("the answer is not a well-formed form-encoded body");
        }
        try {
            return reader.apply(fields);
        } catch (IllegalArgumentException e) {
            return new Failed<>("the answer lacks a valid oauth_token or oauth_token_secret");
        }
    }

    /** What the log says about one call. */
    private record LogLine(Level level, String message) {}

    /** The answer's fields; a field given twice makes the answer ambiguous, so it is refused. */
    private static Map<String, String> fields(String form) {
        Map<String, String> fields = new HashMap<>();
        for (Parameter field : Parameter.form(form)) {
            if (fields.put(field.name(), field.value()) != null) {
                throw new IllegalArgumentException("repeated field");
            }
        }
        return fields;
    }

    private static <C extends Oauth1Credentials> Oauth1Result<C> log(
            String what, URI endpoint, Oauth1Result<C> result) {
        String host = endpoint.getHost();
        String prefix = "OAuth 1.0a " + what;
        LogLine line = result.fold(
                obtained -> new LogLine(Level.DEBUG, prefix + " obtained from " + host),
                refused -> new LogLine(
                        Level.WARNING, prefix + " request to " + host + " was refused: " + refused.reason()),
                failed -> new LogLine(Level.WARNING, prefix + " request to " + host + " failed: " + failed.reason()));
        LOG.log(line.level(), line.message());
        return result;
    }
}
