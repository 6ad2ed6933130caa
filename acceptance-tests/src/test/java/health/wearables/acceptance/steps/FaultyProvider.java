package health.wearables.acceptance.steps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import health.wearables.acceptance.sweep.SecretKind;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vendor "Faulty" (provider {@code faulty} of the run's configuration): a provider simulator on the JDK's HTTP
 * server, on a fixed loopback port, started once for the run.
 *
 * <p>Its authorization endpoint behaves: it checks the client and the redirect URI and sends the browser back to the
 * gateway with a fresh code and the state. Its token endpoint first checks the request as a real one would (a code it
 * issued and that was not redeemed before, the same redirect URI, our client credentials in the form, the PKCE
 * verifier against the S256 challenge) and then answers the way the scenario chose ({@link Answer}). What it finds
 * wrong with a request is kept as a violation, which scenarios assert to be none.
 *
 * <p>It counts token requests, and requests to the address its redirecting answer points to. Every code and token it
 * hands out and every verifier and client secret it receives is registered with {@link RunSecrets}.
 */
public final class FaultyProvider {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CALLBACK_PATH = "/v1/wearables/faulty/callback";

    private static HttpServer server;
    private static ExecutorService threads;
    private static volatile Answer answer = Answer.SERVER_ERROR;
    private static volatile Issued lastIssued;
    private static final AtomicInteger TOKEN_REQUESTS = new AtomicInteger();
    private static final AtomicInteger REDIRECT_TARGET_REQUESTS = new AtomicInteger();
    private static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    /** How the token endpoint answers a request it found valid. */
    enum Answer {
        SERVER_ERROR("fails with a server error"),
        HANG("hangs past the gateway's deadline"),
        SLOW_DRIP("drips its answer slower than the deadline allows"),
        HUGE_BODY("answers with a body far over the size limit"),
        TRUNCATED_JSON("answers with truncated JSON"),
        HTML_PAGE("answers with an HTML page"),
        EMPTY_200("answers 200 with an empty body"),
        REDIRECT_ELSEWHERE("redirects the request to another host"),
        ERROR_IN_200("answers 200 carrying an OAuth error"),
        INVALID_CLIENT("rejects the gateway's client credentials"),
        NOT_BEARER("issues a token that is not a bearer token"),
        NO_ACCESS_TOKEN("issues no access token"),
        OVERSIZED_ACCESS_TOKEN("issues an access token over 8 KiB"),
        NO_REFRESH_TOKEN("issues no refresh token"),
        TEN_THOUSAND_YEARS("claims its token lives for ten thousand years");

        final String phrase;

        Answer(String phrase) {
            this.phrase = phrase;
        }

        static Answer of(String phrase) {
            return Arrays.stream(values())
                    .filter(answer -> answer.phrase.equals(phrase))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Faulty knows no answer '" + phrase + "'; known: "
                            + Arrays.stream(values())
                                    .map(answer -> answer.phrase)
                                    .toList()));
        }
    }

    /** The tokens of the last well-formed token answer, to compare with what the gateway stored. */
    record Issued(String accessToken, Optional<String> refreshToken, long expiresIn) {}

    private record Grant(String redirectUri, String challenge) {}

    @BeforeAll
    public static void start() throws IOException {
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "faulty-provider");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(
                new InetSocketAddress(Settings.simulatorsBindAddress(), Settings.faultyProviderPort()), 32);
        server.setExecutor(threads);
        server.createContext("/authorize", exchange -> handle(exchange, FaultyProvider::authorize));
        server.createContext("/token", exchange -> handle(exchange, FaultyProvider::token));
        server.createContext("/elsewhere", exchange -> handle(exchange, FaultyProvider::elsewhere));
        server.start();
    }

    @AfterAll
    public static void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** Chooses how the token endpoint answers from now on. */
    void answerTokenRequestsWith(Answer chosen) {
        answer = chosen;
    }

    int tokenRequests() {
        return TOKEN_REQUESTS.get();
    }

    /** Requests that reached the address the redirecting answer points to: following it would land there. */
    int redirectTargetRequests() {
        return REDIRECT_TARGET_REQUESTS.get();
    }

    List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    Issued lastIssued() {
        return Optional.ofNullable(lastIssued).orElseThrow(() -> new AssertionError("Faulty issued no tokens"));
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private static void handle(HttpExchange exchange, Handler handler) {
        try (exchange) {
            handler.handle(exchange);
        } catch (IOException gatewayGone) {
            // the gateway stopped listening (deadline, body cap): that is what the answer was for
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            VIOLATIONS.add("the simulator failed: " + e.getClass().getSimpleName());
        }
    }

    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = Query.of(exchange.getRequestURI());
        String expectedRedirect =
                Settings.gatewayBaseUrl().resolve(CALLBACK_PATH).toString();
        String problem = !"GET".equals(exchange.getRequestMethod())
                ? "authorize: not a GET"
                : !"code".equals(query.get("response_type"))
                        ? "authorize: response_type is not code"
                        : !Settings.clientIdOf("faulty").equals(query.get("client_id"))
                                ? "authorize: unknown client_id"
                                : !expectedRedirect.equals(query.get("redirect_uri"))
                                        ? "authorize: redirect_uri is not the registered one"
                                        : isBlank(query.get("state"))
                                                ? "authorize: no state"
                                                : !"S256".equals(query.get("code_challenge_method"))
                                                                || isBlank(query.get("code_challenge"))
                                                        ? "authorize: no S256 code challenge"
                                                        : null;
        if (problem != null) {
            VIOLATIONS.add(problem);
            reply(exchange, 400, "text/plain", problem);
            return;
        }
        String code = random(32);
        RunSecrets.remember(SecretKind.AUTHORIZATION_CODE, code);
        GRANTS.put(code, new Grant(expectedRedirect, query.get("code_challenge")));
        exchange.getResponseHeaders()
                .set("Location", expectedRedirect + "?code=" + encode(code) + "&state=" + encode(query.get("state")));
        exchange.sendResponseHeaders(302, -1);
    }

    private static void token(HttpExchange exchange) throws IOException, InterruptedException {
        TOKEN_REQUESTS.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RunSecrets.rememberFromForm(form);
        Optional<String> problem = problemWith(exchange, Query.parse(form));
        if (problem.isPresent()) {
            VIOLATIONS.add(problem.get());
            reply(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        respond(exchange, answer);
    }

    /** What a strict token endpoint would refuse in the request; the messages never quote a value. */
    private static Optional<String> problemWith(HttpExchange exchange, Map<String, String> form) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"POST".equals(exchange.getRequestMethod())
                || contentType == null
                || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return Optional.of("token: not a form POST");
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return Optional.of("token: grant_type is not authorization_code");
        }
        Grant grant = form.get("code") == null ? null : GRANTS.remove(form.get("code"));
        if (grant == null) {
            return Optional.of("token: a code that was never issued or was already redeemed");
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            return Optional.of("token: redirect_uri differs from the authorization request's");
        }
        if (!Settings.clientIdOf("faulty").equals(form.get("client_id"))
                || !Settings.clientSecretOf("faulty").equals(form.get("client_secret"))) {
            return Optional.of("token: wrong client credentials in the form");
        }
        if (form.get("code_verifier") == null || !grant.challenge().equals(s256(form.get("code_verifier")))) {
            return Optional.of("token: code_verifier does not match the S256 challenge");
        }
        return Optional.empty();
    }

    private static void respond(HttpExchange exchange, Answer chosen) throws IOException, InterruptedException {
        switch (chosen) {
            case SERVER_ERROR -> reply(exchange, 500, "text/plain", "upstream failure");
            case HANG ->
                Thread.sleep(Settings.tokenEndpointDeadline().plusSeconds(5).toMillis());
            case SLOW_DRIP -> drip(exchange, tokens(3600, true), Duration.ofMillis(250));
            case HUGE_BODY -> {
                String tokens = tokens(3600, true);
                reply(
                        exchange,
                        200,
                        "application/json",
                        tokens.substring(0, tokens.length() - 1) + ",\"padding\":\"" + "x".repeat(1024 * 1024) + "\"}");
            }
            case TRUNCATED_JSON -> {
                String tokens = tokens(3600, true);
                reply(exchange, 200, "application/json", tokens.substring(0, tokens.length() - 12));
            }
            case HTML_PAGE ->
                reply(
                        exchange,
                        200,
                        "text/html",
                        "<!DOCTYPE html><html><head><title>Faulty: sign in</title></head><body><form method=\"post\">"
                                + "<input name=\"user\"></form></body></html>");
            case EMPTY_200 -> exchange.sendResponseHeaders(200, -1);
            case REDIRECT_ELSEWHERE -> {
                // another host name for the same simulator, so a request that followed would be counted
                exchange.getResponseHeaders()
                        .set("Location", "http://localhost:" + Settings.faultyProviderPort() + "/elsewhere/token");
                exchange.sendResponseHeaders(302, -1);
            }
            case ERROR_IN_200 ->
                reply(
                        exchange,
                        200,
                        "application/json",
                        "{\"error\":\"invalid_request\",\"error_description\":\"The code has expired\"}");
            case INVALID_CLIENT -> reply(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            case NOT_BEARER ->
                reply(
                        exchange,
                        200,
                        "application/json",
                        "{\"access_token\":\"" + accessToken()
                                + "\",\"token_type\":\"mac\",\"mac_algorithm\":\"hmac-sha-256\",\"expires_in\":3600}");
            case NO_ACCESS_TOKEN ->
                reply(
                        exchange,
                        200,
                        "application/json",
                        "{\"token_type\":\"Bearer\"," + "\"expires_in\":3600,\"refresh_token\":\"" + refreshToken()
                                + "\"}");
            case OVERSIZED_ACCESS_TOKEN -> {
                String huge = "faulty-at-" + random(6750); // 9010 characters, over the 8 KiB a token may have
                RunSecrets.remember(SecretKind.ACCESS_TOKEN, huge);
                reply(
                        exchange,
                        200,
                        "application/json",
                        "{\"access_token\":\"" + huge + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            }
            case NO_REFRESH_TOKEN -> reply(exchange, 200, "application/json", tokens(3600, false));
            case TEN_THOUSAND_YEARS -> reply(exchange, 200, "application/json", tokens(315_576_000_000L, true));
            default -> throw new IllegalStateException("no answer for " + chosen);
        }
    }

    /** A well-formed token answer, remembered as the last issued. */
    private static String tokens(long expiresIn, boolean withRefreshToken) {
        String access = accessToken();
        Optional<String> refresh = withRefreshToken ? Optional.of(refreshToken()) : Optional.empty();
        lastIssued = new Issued(access, refresh, expiresIn);
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + refresh.map(token -> ",\"refresh_token\":\"" + token + "\"").orElse("")
                + ",\"scope\":\"activity sleep\"}";
    }

    private static String accessToken() {
        String token = "faulty-at-" + random(32);
        RunSecrets.remember(SecretKind.ACCESS_TOKEN, token);
        return token;
    }

    private static String refreshToken() {
        String token = "faulty-rt-" + random(32);
        RunSecrets.remember(SecretKind.REFRESH_TOKEN, token);
        return token;
    }

    /** Headers at once, then the body one byte at a time; stops when the gateway hangs up. */
    private static void drip(HttpExchange exchange, String body, Duration pause)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (byte b : body.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            out.flush();
            Thread.sleep(pause.toMillis());
        }
    }

    /** A rogue host that would hand out tokens to whoever follows the redirect. */
    private static void elsewhere(HttpExchange exchange) throws IOException {
        REDIRECT_TARGET_REQUESTS.incrementAndGet();
        reply(exchange, 200, "application/json", tokens(3600, true));
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
