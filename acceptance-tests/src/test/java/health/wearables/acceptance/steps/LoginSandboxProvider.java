package health.wearables.acceptance.steps;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Login Sandbox: the demo provider's authorization server as a patient meets it, with its sign-in form
 * (mock-oauth2-server with interactive login, issuer {@code loginsandbox}), on its own port so that Sandbox keeps
 * answering the other scenarios without a form. Its tokens are read by the demo provider's data simulator, as Sandbox's
 * are. Every request it receives goes to {@link RunSecrets}, as Sandbox's do.
 */
public final class LoginSandboxProvider {
    private static MockOAuth2Server server;

    @BeforeAll
    public static void start() {
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
        server.start(Settings.simulatorsBindAddress(), Settings.oauthLoginPort());
    }

    @AfterAll
    public static void stop() {
        if (server != null) {
            received();
            server.shutdown();
        }
    }

    /** Hands what arrived since the last look to the secrets sweep; the number of requests it was. */
    static synchronized int received() {
        int count = 0;
        while (true) {
            RecordedRequest request;
            try {
                request = server.takeRequest(20, TimeUnit.MILLISECONDS);
            } catch (RuntimeException queueEmpty) {
                // mock-oauth2-server answers an empty queue with an exception, not with null
                return count;
            }
            count++;
            SandboxProvider.rememberSecrets(request);
        }
    }
}
