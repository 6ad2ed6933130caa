package health.wearables.adapters.rest.out.provider.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sender's HMACs against published test vectors, so the readers' tests rest on a known-good signer. */
class NotificationSenderTest {

    @Test
    void hmac_sha256_is_rfc_4231_test_case_2() {
        assertThat(HexFormat.of()
                        .formatHex(NotificationSender.hmac("HmacSHA256", "Jefe", "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmac_sha1_is_rfc_2202_test_case_2() {
        assertThat(HexFormat.of()
                        .formatHex(NotificationSender.hmac("HmacSHA1", "Jefe", "what do ya want for nothing?")))
                .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    @Test
    void oura_signs_the_timestamp_in_seconds_then_the_body_in_upper_case_hex() {
        var sent = NotificationSender.oura("secret")
                .at(Instant.ofEpochSecond(1736847993))
                .dataAvailable("u");
        String expected = HexFormat.of()
                .formatHex(NotificationSender.hmac("HmacSHA256", "secret", "1736847993" + sent.bodyText()))
                .toUpperCase(java.util.Locale.ROOT);

        assertThat(sent.headers())
                .containsEntry("x-oura-timestamp", "1736847993")
                .containsEntry("x-oura-signature", expected);
    }

    @Test
    void sent_over_http_it_arrives_as_prepared_with_its_query_added_to_the_webhook_url() throws Exception {
        var sent = NotificationSender.strava("token with spaces").dataAvailable(134815);
        AtomicReference<String> query = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/wearables/strava/webhook", exchange -> {
            query.set(exchange.getRequestURI().getQuery());
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI webhook =
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/wearables/strava/webhook");

            assertThat(sent.send(webhook).statusCode()).isEqualTo(200);
        } finally {
            server.stop(0);
        }

        assertThat(query.get()).isEqualTo("verify_token=token with spaces");
        assertThat(body.get()).isEqualTo(sent.bodyText());
    }

    @Test
    void a_prepared_notification_does_not_print_its_headers_or_body() {
        var sent = NotificationSender.polar("polar-key").dataAvailable(475);

        assertThat(sent.toString())
                .doesNotContain("475")
                .doesNotContain(sent.headers().get("Polar-Webhook-Signature"));
    }
}
