package health.wearables.adapters.rest.out.provider.oauth1;

import static health.wearables.adapters.rest.out.provider.oauth1.Oauth1ProviderSimulator.AUTHORIZE;
import static health.wearables.adapters.rest.out.provider.oauth1.Oauth1ProviderSimulator.INITIATE;
import static health.wearables.adapters.rest.out.provider.oauth1.Oauth1ProviderSimulator.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.TokenEndpointLimits;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1ProviderSimulator.Canned;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Result.Failed;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Result.Obtained;
import health.wearables.adapters.rest.out.provider.oauth1.Oauth1Result.Refused;
import health.wearables.domain.ClientSecret;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.Oauth1Verifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OAuth 1.0a client against a provider that checks every signature on its own (hostile cases 45-47). */
class HttpOauth1ClientTest {
    private static final String CONSUMER_KEY = "wearables-gateway";
    private static final String CONSUMER_SECRET = "s3cr3t consumer~*";
    private static final ClientCredentials CLIENT =
            new ClientCredentials(CONSUMER_KEY, new ClientSecret(CONSUMER_SECRET));
    private static final URI CALLBACK = URI.create("https://gateway.example/oauth1/callback?provider=garmin");
    private static final TokenEndpointLimits LIMITS =
            new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofMillis(700), 64 * 1024);

    private Oauth1ProviderSimulator provider;
    private HttpOauth1Client client;

    @BeforeEach
    void start() {
        provider = Oauth1ProviderSimulator.start(CONSUMER_KEY, CONSUMER_SECRET);
        client = new HttpOauth1Client(
                LIMITS, new Oauth1Signer(Clock.systemUTC(), NonceSource.secure(new SecureRandom())));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Oauth1Result<TemporaryCredentials> temporary() {
        return client.temporaryCredentials(provider.uri(INITIATE), CLIENT, CALLBACK);
    }

    private TemporaryCredentials obtainedTemporary() {
        Oauth1Result<TemporaryCredentials> result = temporary();
        assertThat(result).isInstanceOf(Obtained.class);
        return ((Obtained<TemporaryCredentials>) result).credentials();
    }

    private Oauth1Result<TokenCredentials> token(TemporaryCredentials temporary, String verifier) {
        return client.tokenCredentials(provider.uri(TOKEN), CLIENT, temporary, new Oauth1Verifier(verifier));
    }

    @Test
    void the_whole_flow_gives_token_credentials_and_the_provider_verified_every_signature() {
        TemporaryCredentials temporary = obtainedTemporary();
        String verifier = provider.approve(temporary.token().value());

        Oauth1Result<TokenCredentials> result = token(temporary, verifier);

        assertThat(result).isInstanceOf(Obtained.class);
        TokenCredentials credentials = ((Obtained<TokenCredentials>) result).credentials();
        assertThat(provider.issued(
                        credentials.token().value(), credentials.secret().value()))
                .isTrue();
        assertThat(provider.calls(INITIATE)).isEqualTo(1);
        assertThat(provider.calls(TOKEN)).isEqualTo(1);
        assertThat(provider.signaturesVerified()).isEqualTo(2);
        assertThat(provider.signaturesRejected()).isZero();
    }

    @Test
    void the_authorization_url_leads_the_patient_to_the_provider_which_sends_back_a_verifier_that_works()
            throws Exception {
        TemporaryCredentials temporary = obtainedTemporary();
        URI authorize = client.authorizationUrl(provider.uri(AUTHORIZE + "?lang=en"), temporary.token());

        HttpResponse<Void> redirect = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(redirect.statusCode()).isEqualTo(302);
        URI callback = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        List<Parameter> query = Parameter.form(callback.getRawQuery());
        assertThat(query)
                .contains(
                        new Parameter("provider", "garmin"),
                        new Parameter("oauth_token", temporary.token().value()));
        String verifier = query.stream()
                .filter(p -> p.name().equals("oauth_verifier"))
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(token(temporary, verifier)).isInstanceOf(Obtained.class);
    }

    @Test
    void a_wrong_consumer_secret_is_refused_after_one_call() {
        HttpOauth1Client wrong = client;
        Oauth1Result<TemporaryCredentials> result = wrong.temporaryCredentials(
                provider.uri(INITIATE),
                new ClientCredentials(CONSUMER_KEY, new ClientSecret("not the secret")),
                CALLBACK);

        assertThat(result).isInstanceOf(Refused.class);
        assertThat(provider.calls(INITIATE)).isEqualTo(1);
        assertThat(provider.signaturesRejected()).isEqualTo(1);
    }

    @Test
    void a_verifier_used_once_is_refused_the_second_time() {
        TemporaryCredentials temporary = obtainedTemporary();
        String verifier = provider.approve(temporary.token().value());
        assertThat(token(temporary, verifier)).isInstanceOf(Obtained.class);

        assertThat(token(temporary, verifier)).isInstanceOf(Refused.class);
        assertThat(provider.calls(TOKEN)).isEqualTo(2);
    }

    @Test
    void a_verifier_the_provider_did_not_issue_is_refused() {
        TemporaryCredentials temporary = obtainedTemporary();
        provider.approve(temporary.token().value());

        assertThat(token(temporary, "guessed-verifier")).isInstanceOf(Refused.class);
    }

    @Test
    void an_unknown_temporary_token_is_refused() {
        TemporaryCredentials made_up =
                new TemporaryCredentials(new Oauth1Token("made-up"), new Oauth1TokenSecret("made-up-secret"));

        assertThat(token(made_up, "any-verifier")).isInstanceOf(Refused.class);
    }

    @Test
    void a_replayed_nonce_is_refused_by_the_provider() {
        HttpOauth1Client sameNonce = new HttpOauth1Client(
                LIMITS,
                new Oauth1Signer(
                        Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC), () -> "same-nonce"));
        assertThat(sameNonce.temporaryCredentials(provider.uri(INITIATE), CLIENT, CALLBACK))
                .isInstanceOf(Obtained.class);

        assertThat(sameNonce.temporaryCredentials(provider.uri(INITIATE), CLIENT, CALLBACK))
                .isInstanceOf(Refused.class);
    }

    /** Hostile case 46: without {@code oauth_callback_confirmed=true} there are no temporary credentials. */
    @Nested
    class UnconfirmedCallback {
        @ParameterizedTest
        @ValueSource(strings = {"false", "TRUE", "", "1"})
        void a_confirmation_other_than_true_fails(String confirmed) {
            provider.confirmCallbackAs(confirmed);

            assertThat(temporary()).isInstanceOf(Failed.class);
            assertThat(provider.calls(INITIATE)).isEqualTo(1);
        }

        @Test
        void a_missing_confirmation_fails() {
            provider.confirmCallbackAs(null);

            Oauth1Result<TemporaryCredentials> result = temporary();

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed<TemporaryCredentials>) result).reason()).contains("oauth_callback_confirmed");
        }
    }

    /** Whatever a broken provider answers, one call and a typed failure, within the deadline. */
    @Nested
    class BrokenAnswers {
        private Oauth1Result<TemporaryCredentials> answeredWith(Canned answer) {
            provider.answer(INITIATE, answer);
            long started = System.nanoTime();
            Oauth1Result<TemporaryCredentials> result = temporary();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(provider.calls(INITIATE)).isEqualTo(1);
            return result;
        }

        @Test
        void an_html_page_fails() {
            assertThat(answeredWith(Canned.body(200, "text/html", "<html><body>Welcome!</body></html>")))
                    .isInstanceOf(Failed.class);
        }

        @Test
        void a_json_body_fails() {
            assertThat(answeredWith(Canned.body(
                            200, "application/json", "{\"oauth_token\":\"a\",\"oauth_token_secret\":\"b\"}")))
                    .isInstanceOf(Failed.class);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "oauth_token=a&oauth_token_secret=%zz&oauth_callback_confirmed=true",
                    "oauth_token=a&oauth_token=b&oauth_token_secret=c&oauth_callback_confirmed=true",
                    "oauth_token=a%20b&oauth_token_secret=c&oauth_callback_confirmed=true",
                    "oauth_token_secret=c&oauth_callback_confirmed=true",
                    "oauth_token=a&oauth_callback_confirmed=true",
                    ""
                })
        void a_malformed_form_fails(String form) {
            assertThat(answeredWith(Canned.body(200, "application/x-www-form-urlencoded", form)))
                    .isInstanceOf(Failed.class);
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 403, 500, 503, 302})
        void another_status_fails_even_with_credentials_in_the_body(int status) {
            assertThat(answeredWith(Canned.body(
                            status,
                            "application/x-www-form-urlencoded",
                            "oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true")))
                    .isInstanceOf(Failed.class);
        }

        @Test
        void a_body_over_64_kib_fails() {
            Oauth1Result<TemporaryCredentials> result = answeredWith(Canned.oversized(64 * 1024 + 1));

            assertThat(((Failed<TemporaryCredentials>) result).reason()).contains("over 65536 bytes");
        }

        @Test
        void a_body_just_under_the_cap_is_read() {
            assertThat(answeredWith(Canned.body(
                            200,
                            "application/x-www-form-urlencoded",
                            "oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true&padding="
                                    + "p".repeat(60_000))))
                    .isInstanceOf(Obtained.class);
        }

        @Test
        void a_hanging_provider_fails_at_the_deadline() {
            Oauth1Result<TemporaryCredentials> result = answeredWith(Canned.hang());

            assertThat(((Failed<TemporaryCredentials>) result).reason()).contains("within 700 ms");
        }

        @Test
        void a_hanging_token_endpoint_fails_at_the_deadline() {
            TemporaryCredentials temporary = obtainedTemporary();
            provider.answer(TOKEN, Canned.hang());

            assertThat(token(temporary, provider.approve(temporary.token().value())))
                    .isInstanceOf(Failed.class);
            assertThat(provider.calls(TOKEN)).isEqualTo(1);
        }

        @Test
        void a_closed_port_fails() {
            URI nowhere = provider.uri(INITIATE);
            provider.close();

            assertThat(client.temporaryCredentials(nowhere, CLIENT, CALLBACK)).isInstanceOf(Failed.class);
        }
    }

    @Nested
    class AuthorizationUrl {
        private final Oauth1Token token = new Oauth1Token("hh5s93j4hdidpola");

        @Test
        void is_the_rfc_example() {
            assertThat(client.authorizationUrl(URI.create("https://photos.example.net/authorize"), token))
                    .isEqualTo(URI.create("https://photos.example.net/authorize?oauth_token=hh5s93j4hdidpola"));
        }

        @Test
        void keeps_an_existing_query_and_fragment() {
            assertThat(client.authorizationUrl(URI.create("https://p.example/auth?lang=en&x=a%26b#top"), token))
                    .isEqualTo(URI.create("https://p.example/auth?lang=en&x=a%26b&oauth_token=hh5s93j4hdidpola#top"));
        }

        @Test
        void encodes_the_token() {
            assertThat(client.authorizationUrl(URI.create("https://p.example/auth?"), new Oauth1Token("a+b/c=")))
                    .isEqualTo(URI.create("https://p.example/auth?oauth_token=a%2Bb%2Fc%3D"));
        }
    }

    @Test
    void nothing_secret_reaches_the_logs() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(
                        record.getMessage() + " " + Arrays.toString(record.getParameters()) + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger(HttpOauth1Client.class.getName());
        Level previous = ours.getLevel();
        capture.setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>(List.of(CONSUMER_SECRET));
        try {
            TemporaryCredentials temporary = obtainedTemporary();
            String verifier = provider.approve(temporary.token().value());
            TokenCredentials credentials = ((Obtained<TokenCredentials>) token(temporary, verifier)).credentials();
            assertThat(token(temporary, verifier)).isInstanceOf(Refused.class);
            provider.answer(
                    INITIATE,
                    Canned.body(200, "text/plain", "oauth_token=leaked-token&oauth_token_secret=leaked-secret"));
            assertThat(temporary()).isInstanceOf(Failed.class);
            secrets.addAll(List.of(
                    temporary.token().value(),
                    temporary.secret().value(),
                    verifier,
                    credentials.token().value(),
                    credentials.secret().value(),
                    "leaked-token",
                    "leaked-secret"));
        } finally {
            root.removeHandler(capture);
            ours.setLevel(previous);
        }

        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        for (String secret : secrets) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }
}
