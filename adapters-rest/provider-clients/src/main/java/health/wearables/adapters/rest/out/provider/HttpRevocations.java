package health.wearables.adapters.rest.out.provider;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import health.wearables.adapters.rest.out.provider.oauth1.ClientCredentials;
import health.wearables.adapters.rest.out.provider.oauth1.HttpOauth1Client;
import health.wearables.adapters.rest.out.provider.oauth1.NonceSource;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Signer;
import health.wearables.adapters.rest.out.provider.oauth1.TokenCredentials;
import health.wearables.application.port.out.Revocations;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderClient;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome;
import health.wearables.domain.lifecycle.RevocationOutcome.Failed;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Revokes a patient's grant at the provider when the connection is disconnected, the way the provider's
 * {@link ProviderQuirks#revocation()} says: RFC 7009, the provider's own call, or nothing when it offers none. Every
 * call goes through the {@link ProviderTransport} (sent once, connect timeout, deadline, body cap, no redirects); an
 * OAuth 1.0a revocation is signed by the gateway's OAuth 1.0a client.
 *
 * <p>Every outcome is a {@link RevocationOutcome}, never an exception. Logs name the provider and our own reason;
 * never a token, the client secret or what the provider answered.
 */
public final class HttpRevocations implements Revocations {
    private static final Logger LOG = System.getLogger(HttpRevocations.class.getName());

    private final ProviderTransport transport;
    private final HttpOauth1Client oauth1;
    private final Clock clock;
    private final DocumentedBuiltInProviders providers;
    private final RevocationCalls calls = new TransportCalls();

    /** The built-in providers' revocations, OAuth 1.0a signed with a secure nonce. */
    public HttpRevocations(TokenEndpointLimits limits, Clock clock) {
        this(
                limits,
                clock,
                new Oauth1Signer(clock, NonceSource.secure(new SecureRandom())),
                DocumentedBuiltInProviders.standard());
    }

    /** With the given providers' quirks, looked up by slug; any other slug is RFC 7009 where one is configured. */
    public HttpRevocations(
            TokenEndpointLimits limits, Clock clock, Oauth1Signer signer, DocumentedBuiltInProviders providers) {
        this.transport = new ProviderTransport(limits);
        this.oauth1 = new HttpOauth1Client(limits, signer);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public RevocationOutcome revoke(ConfiguredProvider provider, TokenSet tokens) {
        RevocationOutcome outcome;
        try {
            outcome = providers.quirks(provider.slug()).revocation().revoke(provider, tokens, calls, clock.instant());
        } catch (RuntimeException e) {
            outcome = new Failed(
                    "revocation request could not be made (" + e.getClass().getSimpleName() + ")", false);
        }
        log(provider, outcome);
        return outcome;
    }

    private static void log(ConfiguredProvider provider, RevocationOutcome outcome) {
        String slug = provider.slug().value();
        switch (outcome.label()) {
            case "revoked" -> LOG.log(Level.INFO, "a grant at provider " + slug + " was revoked");
            case "not_offered" ->
                LOG.log(Level.INFO, "provider " + slug + " offers no revocation; the grant ends at the gateway only");
            default -> {
                Failed failed = (Failed) outcome;
                LOG.log(
                        Level.WARNING,
                        "revocation of a grant at provider " + slug + " failed ("
                                + (failed.retryable() ? "to be asked again" : "not asked again") + "): "
                                + failed.reason());
            }
        }
    }

    /** The calls of a revocation, through this instance's transport and OAuth 1.0a client. */
    private final class TransportCalls implements RevocationCalls {
        @Override
        public ProviderCalls.Answer postForm(URI uri, Map<String, String> form, Optional<ProviderClient> client) {
            HTTPRequest nimbus = new HTTPRequest(HTTPRequest.Method.POST, uri);
            nimbus.setEntityContentType(ContentType.APPLICATION_URLENCODED);
            nimbus.setAccept("application/json");
            Map<String, List<String>> fields = new LinkedHashMap<>();
            form.forEach((name, value) -> fields.put(name, List.of(value)));
            nimbus.setBody(URLUtils.serializeParameters(fields));
            client.ifPresent(ours -> TokenEndpoint.clientAuthentication(ours).applyTo(nimbus));
            return transport.send(TokenEndpoint.post(transport, nimbus, nimbus.getBody()));
        }

        @Override
        public ProviderCalls.Answer get(URI uri) {
            return transport.send(transport
                    .request(uri)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
        }

        @Override
        public ProviderCalls.Answer delete(URI uri, AccessToken bearer) {
            return transport.send(transport
                    .request(uri)
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bearer.value())
                    .DELETE()
                    .build());
        }

        @Override
        public ProviderCalls.Answer signedDelete(URI uri, ClientCredentials client, TokenCredentials token) {
            return oauth1.signedDelete(uri, client, token);
        }
    }
}
