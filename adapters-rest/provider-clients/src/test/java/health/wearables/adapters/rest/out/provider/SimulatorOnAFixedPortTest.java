package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulator itself, where the acceptance run needs it: on a port chosen by the caller, answering each request by
 * what that request holds.
 */
class SimulatorOnAFixedPortTest {

    @Test
    void it_starts_on_the_port_it_is_given_and_answers_there() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ProviderSimulator simulator = ProviderSimulator.start(port)) {
            simulator.answer(ProviderSimulator.Answer.bearer("access", "refresh", 60));

            assertThat(simulator.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + port));
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(simulator.tokenUri())
                                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"access_token\":\"access\"");
            assertThat(simulator.tokenCalls()).isEqualTo(1);
        }
    }

    @Test
    void an_answer_reads_the_request_it_answers_whatever_arrives_at_the_same_moment() throws Exception {
        try (ProviderSimulator simulator = ProviderSimulator.start()) {
            simulator.answer(exchange -> ProviderSimulator.Answer.json(
                            200,
                            "{\"echo\":\""
                                    + ProviderSimulator.recorded(exchange)
                                            .form()
                                            .get("n") + "\"}")
                    .respond(exchange));
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int n = 0; n < 16; n++) {
                answers.add(http.sendAsync(
                        HttpRequest.newBuilder(simulator.tokenUri())
                                .POST(HttpRequest.BodyPublishers.ofString("n=" + n))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (int n = 0; n < 16; n++) {
                assertThat(answers.get(n).get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"echo\":\"" + n + "\"}");
            }
        }
    }
}
