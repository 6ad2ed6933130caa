package health.wearables.adapters.rest.out.provider;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.out.provider.ProviderCalls.Answer.Answered;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the transport hands back of an answer: status, body and the {@code Retry-After} header. */
class ProviderTransportTest {
    private final ProviderSimulator simulator = ProviderSimulator.start();
    private final ProviderTransport transport =
            new ProviderTransport(new TokenEndpointLimits(Duration.ofSeconds(1), Duration.ofSeconds(5), 64 * 1024));

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void a_429_carries_its_retry_after_header_as_sent() {
        simulator.answer("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            exchange.sendResponseHeaders(429, -1);
        });

        Answered answered = answered("/busy");

        assertThat(answered.status()).isEqualTo(429);
        assertThat(answered.retryAfter()).contains("120");
    }

    @Test
    void an_answer_without_the_header_has_none() {
        simulator.answer("/fine", ProviderSimulator.Answer.json(200, "{}"));

        Answered answered = answered("/fine");

        assertThat(answered.status()).isEqualTo(200);
        assertThat(new String(answered.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{}");
        assertThat(answered.retryAfter()).isEmpty();
    }

    @Test
    void the_two_argument_answer_has_no_retry_after() {
        assertThat(new Answered(200, new byte[0]).retryAfter()).isEqualTo(Optional.empty());
    }

    private Answered answered(String path) {
        return transport
                .send(transport.request(simulator.baseUri().resolve(path)).GET().build())
                .fold(answered -> answered, unanswered -> {
                    throw new AssertionError("no answer: " + unanswered.reason());
                });
    }
}
