package health.wearables.acceptance.steps;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.wearables.acceptance.sweep.SecretKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Acme's care team system, as far as events go: a webhook receiver in the test JVM (port {@code receiver.port}) that
 * records every delivery it gets and checks its signature with the Standard Webhooks reference library for Java, with
 * Acme's secret, not with anything of the gateway's. It can be told to be down (answer 503) for a number of
 * deliveries. Run-wide, like the provider simulators, so it is static.
 */
final class PlatformReceiver {
    /** One delivery as it arrived, and whether the reference library verified it. */
    record Delivery(String webhookId, String body, boolean verified, int answered) {}

    private static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    private static final AtomicInteger DOWN_FOR = new AtomicInteger();
    /** Deliveries still to refuse, by the patient the event is about: other scenarios' events never use them up. */
    private static final Map<String, AtomicInteger> DOWN_FOR_PATIENT = new java.util.concurrent.ConcurrentHashMap<>();

    private static HttpServer server;

    private PlatformReceiver() {}

    static synchronized void start() {
        if (server != null) {
            return;
        }
        String secret = Settings.get("project.acme.webhook-secret");
        RunSecrets.remember(SecretKind.WEBHOOK_SECRET, secret);
        RunSecrets.remember(SecretKind.WEBHOOK_SECRET, secret.substring("whsec_".length()));
        try {
            server = HttpServer.create(
                    new InetSocketAddress(
                            Settings.simulatorsBindAddress(), Integer.parseInt(Settings.get("receiver.port"))),
                    0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Webhook webhook = new Webhook(secret);
        server.createContext("/acme/events", exchange -> receive(exchange, webhook));
        server.start();
    }

    private static void receive(HttpExchange exchange, Webhook webhook) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = exchange.getRequestHeaders();
        boolean verified;
        try {
            webhook.verify(body, HttpHeaders.of(headers, (name, value) -> true));
            verified = true;
        } catch (Exception e) {
            verified = false;
        }
        String patient = Json.parse(body).path("data").path("patientId").asText();
        AtomicInteger hers = DOWN_FOR_PATIENT.get(patient);
        boolean refuse = (hers != null && hers.getAndUpdate(left -> Math.max(0, left - 1)) > 0)
                || DOWN_FOR.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        int status = refuse ? 503 : 204;
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        DELIVERIES.add(new Delivery(id, body, verified, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The next {@code deliveries} are answered 503. */
    static void downFor(int deliveries) {
        DOWN_FOR.set(deliveries);
    }

    /** The next {@code deliveries} of events about {@code patientId} are answered 503. */
    static void downFor(String patientId, int deliveries) {
        DOWN_FOR_PATIENT.put(patientId, new AtomicInteger(deliveries));
    }

    static List<Delivery> deliveries() {
        return List.copyOf(DELIVERIES);
    }
}
