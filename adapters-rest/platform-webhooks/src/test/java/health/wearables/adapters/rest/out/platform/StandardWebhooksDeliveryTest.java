package health.wearables.adapters.rest.out.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.wearables.application.port.out.EventDelivery;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.domain.ProjectId;
import health.wearables.domain.events.WebhookTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a receiver in the test JVM, whose signatures the Standard Webhooks reference library verifies. */
class StandardWebhooksDeliveryTest {
    private static final String BODY = "{\"type\":\"connection.created\",\"timestamp\":\"2026-11-30T12:00:00Z\","
            + "\"data\":{\"project\":\"acme\",\"patientId\":\"amara\",\"provider\":\"whoop\",\"reconnect\":false}}";

    /** What the receiver saw: headers and body. */
    record Received(Map<String, List<String>> headers, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile long delayMillis;
    private HttpServer receiver;
    private String secret;
    private WebhookTarget target;

    @BeforeEach
    void start() throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        receiver = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", this::receive);
        receiver.start();
        target = new WebhookTarget(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"), secret);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        received.add(new Received(
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(status.get(), -1);
        exchange.close();
    }

    private static EventOutbox.Entry event(String id) {
        return new EventOutbox.Entry(
                id,
                new ProjectId("acme"),
                "connection.created",
                BODY,
                Instant.parse("2026-11-30T12:00:00Z"),
                0,
                Optional.empty());
    }

    private StandardWebhooksDelivery delivery(Duration timeout) {
        return new StandardWebhooksDelivery(timeout, Clock.systemUTC());
    }

    @Test
    void a_delivery_is_the_recorded_body_with_headers_the_reference_library_verifies() throws Exception {
        EventDelivery.Outcome outcome =
                delivery(Duration.ofSeconds(5)).deliver(target, event("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"));

        assertThat(outcome).isEqualTo(new EventDelivery.Delivered(200));
        Received delivered = received.get(0);
        assertThat(delivered.body()).isEqualTo(BODY);
        HttpHeaders headers = HttpHeaders.of(delivered.headers(), (name, value) -> true);
        new Webhook(secret).verify(delivered.body(), headers); // throws if the signature does not verify
        assertThat(headers.firstValue("webhook-id")).contains("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
        assertThat(headers.firstValue("content-type")).contains("application/json");
        assertThat(delivered.headers().toString()).doesNotContain(secret.substring(6));
    }

    @Test
    void a_signature_made_with_another_secret_or_over_another_body_does_not_verify() {
        delivery(Duration.ofSeconds(5)).deliver(target, event("msg_2KWPBgLlAfxdpx2AI54pPJ85f4X"));
        Received delivered = received.get(0);
        HttpHeaders headers = HttpHeaders.of(delivered.headers(), (name, value) -> true);
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Webhook("whsec_" + Base64.getEncoder().encodeToString(other))
                                .verify(delivered.body(), headers))
                .isInstanceOf(Exception.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Webhook(secret).verify(delivered.body().replace("amara", "mallory"), headers))
                .isInstanceOf(Exception.class);
    }

    @Test
    void the_signature_matches_the_specifications_example() {
        // the example of the Standard Webhooks specification (its README and reference tests)
        WebhookTarget example =
                new WebhookTarget(URI.create("https://example.com/"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(StandardWebhooksDelivery.signature(
                        example, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void a_410_is_gone_another_status_fails_naming_it_and_a_slow_receiver_times_out() {
        status.set(410);
        assertThat(delivery(Duration.ofSeconds(5)).deliver(target, event("msg_aaaaaaaaaaaaaaaaaaaaaaa1")))
                .isEqualTo(new EventDelivery.Gone());
        status.set(503);
        assertThat(delivery(Duration.ofSeconds(5)).deliver(target, event("msg_aaaaaaaaaaaaaaaaaaaaaaa2")))
                .isEqualTo(new EventDelivery.Failed("the receiver answered 503"));
        status.set(200);
        delayMillis = 2_000;
        assertThat(delivery(Duration.ofMillis(300)).deliver(target, event("msg_aaaaaaaaaaaaaaaaaaaaaaa3")))
                .isEqualTo(new EventDelivery.Failed("the receiver did not answer within 300 ms"));
    }

    @Test
    void a_receiver_trickling_its_body_after_the_status_holds_neither_the_attempt_nor_the_connection()
            throws Exception {
        // the status at once, then a 2,000-byte body at a byte every 10 ms (20 s): the JDK's request timeout ends
        // with the status, so the attempt must end with it, and the connection be cut at the attempt's deadline
        CountDownLatch hungUp = new CountDownLatch(1);
        receiver.createContext("/trickle", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2_000);
            try (var body = exchange.getResponseBody()) {
                for (int each = 0; each < 2_000; each++) {
                    body.write('x');
                    body.flush();
                    Thread.sleep(10);
                }
            } catch (IOException | InterruptedException gatewayHungUp) {
                hungUp.countDown();
            }
        });
        WebhookTarget trickling = new WebhookTarget(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/trickle"), secret);
        StandardWebhooksDelivery delivery = delivery(Duration.ofMillis(500));

        long started = System.nanoTime();
        EventDelivery.Outcome outcome = delivery.deliver(trickling, event("msg_ccccccccccccccccccccccc1"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).as("the status decides").isEqualTo(new EventDelivery.Delivered(200));
        assertThat(took).as("the attempt's length").isLessThan(Duration.ofSeconds(5));
        assertThat(hungUp.await(5, TimeUnit.SECONDS))
                .as("the connection cut at the deadline, not held for the body's 20 s")
                .isTrue();
        assertThat(delivery.longestAttempt()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void a_receiver_that_is_down_fails_without_an_exception() {
        receiver.stop(0);

        assertThat(delivery(Duration.ofSeconds(2)).deliver(target, event("msg_aaaaaaaaaaaaaaaaaaaaaaa4")))
                .isInstanceOf(EventDelivery.Failed.class);
    }

    @Test
    void the_same_event_delivered_twice_keeps_its_id() {
        StandardWebhooksDelivery delivery = delivery(Duration.ofSeconds(5));
        delivery.deliver(target, event("msg_bbbbbbbbbbbbbbbbbbbbbbb1"));
        delivery.deliver(target, event("msg_bbbbbbbbbbbbbbbbbbbbbbb1"));

        assertThat(received)
                .extracting(each -> each.headers().get("Webhook-id"))
                .containsExactly(List.of("msg_bbbbbbbbbbbbbbbbbbbbbbb1"), List.of("msg_bbbbbbbbbbbbbbbbbbbbbbb1"));
    }
}
