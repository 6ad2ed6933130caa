package health.wearables.acceptance.steps;

import health.wearables.acceptance.sweep.SecretKind;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The wearable vendors' authorization server: a real OAuth 2.0 server (mock-oauth2-server) in this JVM, on the port
 * the gateway was configured with. Its issuers {@code sandbox} and {@code othersandbox} are the two test providers.
 * It lives for the whole run (the gateway was started pointing at it), so it is the one piece of shared state, owned
 * by the {@code BeforeAll}/{@code AfterAll} hooks. Every request it receives is handed to {@link RunSecrets}: states on
 * the authorization requests, codes, verifiers and client credentials on the token requests.
 */
public final class SandboxProvider {
    private static MockOAuth2Server server;
    private static final List<RecordedRequest> RECORDED = new ArrayList<>();

    @BeforeAll
    public static void start() {
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": false}"));
        server.start(Settings.simulatorsBindAddress(), Settings.oauthPort());
    }

    @AfterAll
    public static void stop() {
        if (server != null) {
            received(); // what arrived since the last look still goes to the secrets sweep
            server.shutdown();
        }
    }

    /** Every request the vendor has received so far in the run. */
    List<RecordedRequest> requests() {
        return received();
    }

    private static synchronized List<RecordedRequest> received() {
        while (true) {
            RecordedRequest request;
            try {
                request = server.takeRequest(20, TimeUnit.MILLISECONDS);
            } catch (RuntimeException queueEmpty) {
                // mock-oauth2-server answers an empty queue with an exception, not with null
                return List.copyOf(RECORDED);
            }
            RECORDED.add(request);
            rememberSecrets(request);
        }
    }

    static void rememberSecrets(RecordedRequest request) {
        if (request.getRequestUrl() != null) {
            RunSecrets.rememberFromQuery(request.getRequestUrl().uri());
        }
        if ("POST".equals(request.getMethod())) {
            RunSecrets.rememberFromForm(request.getBody().clone().readUtf8());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            RunSecrets.remember(SecretKind.CLIENT_SECRET, authorization.substring("Basic ".length()));
        }
    }

    /** Token requests to any of the vendor's issuers so far in the run. */
    long tokenRequests() {
        return requests().stream().filter(SandboxProvider::isTokenRequest).count();
    }

    /** Token requests that redeemed this authorization code: one patient's grant, as her return link carried it. */
    long tokenRequestsRedeeming(String code) {
        return requests().stream()
                .filter(SandboxProvider::isTokenRequest)
                .filter(request -> code.equals(
                        Query.parse(request.getBody().clone().readUtf8()).get("code")))
                .count();
    }

    private static boolean isTokenRequest(RecordedRequest request) {
        return request.getRequestUrl() != null
                && request.getRequestUrl().encodedPath().endsWith("/token");
    }
}
