package health.wearables.adapters.rest.out.provider.oauth1;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Signs a request with HMAC-SHA1 (RFC 5849 §3.1, §3.4) and writes its {@code Authorization: OAuth ...} header value
 * (§3.5.1). The timestamp comes from the clock (seconds since the epoch) and the nonce from the nonce source, so a
 * test can fix both.
 */
public final class Oauth1Signer {
    private final Clock clock;
    private final NonceSource nonces;
    private final Optional<String> realm;

    public Oauth1Signer(Clock clock, NonceSource nonces) {
        this(clock, nonces, Optional.empty());
    }

    private Oauth1Signer(Clock clock, NonceSource nonces, Optional<String> realm) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.realm = realm;
    }

    /** The same signer, adding {@code realm} to its headers (§3.5.1; never signed). */
    public Oauth1Signer withRealm(String realm) {
        return new Oauth1Signer(clock, nonces, Optional.of(realm));
    }

    /**
     * The {@code Authorization} header value for a request.
     *
     * @param method   HTTP method
     * @param uri      the request URI, query included
     * @param formBody the decoded pairs of an {@code application/x-www-form-urlencoded} body (empty if none)
     * @param client   our client credentials
     * @param token    temporary or token credentials, if the request has a token
     * @param extra    further protocol parameters, such as {@code oauth_callback} or {@code oauth_verifier}
     */
    public String authorization(
            String method,
            URI uri,
            List<Parameter> formBody,
            ClientCredentials client,
            Optional<? extends Oauth1Credentials> token,
            List<Parameter> extra) {
        List<Parameter> protocol = new ArrayList<>();
        protocol.add(new Parameter("oauth_consumer_key", client.key()));
        token.ifPresent(t -> protocol.add(new Parameter("oauth_token", t.token().value())));
        protocol.add(new Parameter("oauth_signature_method", Oauth1Signature.METHOD));
        protocol.add(
                new Parameter("oauth_timestamp", Long.toString(clock.instant().getEpochSecond())));
        protocol.add(new Parameter("oauth_nonce", nonces.next()));
        protocol.addAll(extra);

        String baseString =
                Oauth1Signature.baseString(method, uri, Oauth1Signature.requestParameters(uri, formBody, protocol));
        protocol.add(new Parameter(
                Oauth1Signature.SIGNATURE,
                Oauth1Signature.hmacSha1(baseString, client.secret(), token.map(Oauth1Credentials::secret))));

        List<Parameter> header = new ArrayList<>();
        realm.ifPresent(r -> header.add(new Parameter(Oauth1Signature.REALM, r)));
        header.addAll(protocol);
        return "OAuth "
                + header.stream()
                        .map(p -> PercentEncoding.encode(p.name()) + "=\"" + PercentEncoding.encode(p.value()) + "\"")
                        .collect(Collectors.joining(", "));
    }
}
