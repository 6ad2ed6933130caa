package health.wearables.adapters.rest.out.provider.oauth1;

import static health.wearables.adapters.rest.out.provider.oauth1.Oauth1ProviderSimulator.INITIATE;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator really checks what it is sent: a signature that does not cover the request is a 401. */
class Oauth1ProviderSimulatorTest {
    private final Oauth1ProviderSimulator provider = Oauth1ProviderSimulator.start("key", "secret");
    private final Oauth1Signer signer = new Oauth1Signer(Clock.systemUTC(), () -> Long.toString(System.nanoTime()));
    private final ClientCredentials client = new ClientCredentials("key", new ClientSecret("secret"));

    @AfterEach
    void stop() {
        provider.close();
    }

    private int status(URI uri, String authorization) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String signed(URI uri, String callback) {
        return signer.authorization(
                "POST", uri, List.of(), client, Optional.empty(), List.of(new Parameter("oauth_callback", callback)));
    }

    @Test
    void accepts_a_correctly_signed_request() throws Exception {
        assertThat(status(provider.uri(INITIATE), signed(provider.uri(INITIATE), "https://a.example/cb")))
                .isEqualTo(200);
        assertThat(provider.signaturesVerified()).isEqualTo(1);
    }

    @Test
    void rejects_a_signature_made_for_another_path() throws Exception {
        String header = signed(provider.uri("/somewhere/else"), "https://a.example/cb");

        assertThat(status(provider.uri(INITIATE), header)).isEqualTo(401);
        assertThat(provider.signaturesRejected()).isEqualTo(1);
    }

    @Test
    void rejects_a_tampered_parameter() throws Exception {
        String header = signed(provider.uri(INITIATE), "https://a.example/cb").replace("a.example", "evil.example");

        assertThat(status(provider.uri(INITIATE), header)).isEqualTo(401);
    }

    @Test
    void rejects_a_signature_sent_twice() throws Exception {
        String header = signed(provider.uri(INITIATE), "https://a.example/cb");
        assertThat(status(provider.uri(INITIATE), header)).isEqualTo(200);

        assertThat(status(provider.uri(INITIATE), header)).isEqualTo(401);
        assertThat(provider.calls(INITIATE)).isEqualTo(2);
    }
}
