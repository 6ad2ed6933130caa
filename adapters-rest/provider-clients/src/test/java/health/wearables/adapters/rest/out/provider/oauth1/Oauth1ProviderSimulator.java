package health.wearables.adapters.rest.out.provider.oauth1;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider side of RFC 5849 on 127.0.0.1 (ephemeral port), for one client: it issues temporary credentials at
 * {@value #INITIATE}, lets a simulated patient approve them ({@link #approve(String)}, or {@code GET}
 * {@value #AUTHORIZE}, which redirects to the callback), and exchanges them with their verifier for token
 * credentials at {@value #TOKEN}, once. It answers 401 to a bad signature, a replayed nonce, an unknown or used
 * token and a wrong verifier, and it counts calls and signature checks.
 *
 * <p>Its signature check is written independently of the gateway's signer (its own encoding, parameter collection,
 * base string and HMAC), so one shared mistake cannot make both sides agree. Plain Java (JDK HTTP server, no test
 * framework), so acceptance tests can reuse it. A canned answer can replace an endpoint's behaviour to simulate a
 * broken provider; each request runs on its own thread, and {@link #close()} interrupts a hanging one.
 */
public final class Oauth1ProviderSimulator implements AutoCloseable {
    public static final String INITIATE = "/oauth/request_token";
    public static final String AUTHORIZE = "/oauth/authorize";
    public static final String TOKEN = "/oauth/access_token";
    /** A protected resource: the user id of the token credentials that signed the request (as Garmin's). */
    public static final String USER_ID = "/wellness-api/rest/user/id";
    /**
     * The user's registration (as Garmin's): a signed {@code DELETE} with token credentials it issued deletes them
     * (204), so they are refused from then on (401), a second {@code DELETE} included.
     */
    public static final String REGISTRATION = "/wellness-api/rest/user/registration";

    private static final Pattern HEADER_PARAMETER = Pattern.compile("\\s*([^=\\s,]+)=\"([^\"]*)\"\\s*(,|$)");

    /** What an endpoint answers instead of its protocol behaviour. */
    @FunctionalInterface
    public interface Canned {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;

        static Canned body(int status, String contentType, String body) {
            return exchange -> send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        /** Headers never come; the request hangs until the simulator closes. */
        static Canned hang() {
            return exchange -> Thread.sleep(60_000);
        }

        /** A 200 whose form body is {@code bytes} long. */
        static Canned oversized(int bytes) {
            byte[] body =
                    ("oauth_token=" + "t".repeat(bytes)).substring(0, bytes).getBytes(StandardCharsets.UTF_8);
            return exchange -> send(exchange, 200, "application/x-www-form-urlencoded", body);
        }
    }

    private record Pending(String secret, String callback, String verifier) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String consumerKey;
    private final String consumerSecret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, String> issued = new ConcurrentHashMap<>();
    private final Set<String> deregistered = ConcurrentHashMap.newKeySet();
    private final List<String> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> seenNonces = ConcurrentHashMap.newKeySet();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger signaturesVerified = new AtomicInteger();
    private final AtomicInteger signaturesRejected = new AtomicInteger();
    private volatile String callbackConfirmed = "true";

    private Oauth1ProviderSimulator(String consumerKey, String consumerSecret, InetAddress address, int port)
            throws IOException {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A provider that knows one client, by consumer key and secret. */
    public static Oauth1ProviderSimulator start(String consumerKey, String consumerSecret) {
        return start(consumerKey, consumerSecret, 0);
    }

    /** The same on a given loopback port (0: any free one), for a gateway configured before the simulator starts. */
    public static Oauth1ProviderSimulator start(String consumerKey, String consumerSecret, int port) {
        return start(consumerKey, consumerSecret, InetAddress.getLoopbackAddress(), port);
    }

    /** The same on a given address: the wildcard address lets a gateway on another host reach it. */
    public static Oauth1ProviderSimulator start(
            String consumerKey, String consumerSecret, InetAddress address, int port) {
        try {
            return new Oauth1ProviderSimulator(consumerKey, consumerSecret, address, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the OAuth 1.0a provider simulator", e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** From now on, the endpoint at {@code path} answers this way instead. */
    public void answer(String path, Canned answer) {
        canned.put(path, answer);
    }

    /** The {@code oauth_callback_confirmed} value of temporary credentials; {@code null} leaves it out. */
    public void confirmCallbackAs(String value) {
        callbackConfirmed = value;
    }

    /** The patient approves the temporary credentials: the verifier the provider would send to the callback. */
    public String approve(String temporaryToken) {
        Pending request = pending.get(temporaryToken);
        if (request == null) {
            throw new IllegalArgumentException("no such temporary credentials");
        }
        String verifier = fresh();
        handedOut.add(verifier);
        pending.put(temporaryToken, new Pending(request.secret(), request.callback(), verifier));
        return verifier;
    }

    public int calls(String path) {
        AtomicInteger count = calls.get(path);
        return count == null ? 0 : count.get();
    }

    public int signaturesVerified() {
        return signaturesVerified.get();
    }

    public int signaturesRejected() {
        return signaturesRejected.get();
    }

    /** The token secret of token credentials this provider issued. */
    public boolean issued(String token, String secret) {
        return secret.equals(issued.get(token));
    }

    /** The tokens of the token credentials whose registration was deleted: they are refused from then on. */
    public Set<String> deregistered() {
        return Set.copyOf(deregistered);
    }

    /** Every token and token secret of the token credentials issued so far. */
    public Map<String, String> issuedCredentials() {
        return Map.copyOf(issued);
    }

    /** Every secret value this provider handed out so far: temporary secrets, verifiers, token secrets. */
    public List<String> secretsHandedOut() {
        return List.copyOf(handedOut);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Canned answer = canned.get(path);
            if (answer != null) {
                answer.respond(exchange);
            } else if (path.equals(INITIATE) && exchange.getRequestMethod().equals("POST")) {
                initiate(exchange, body);
            } else if (path.equals(AUTHORIZE) && exchange.getRequestMethod().equals("GET")) {
                authorize(exchange);
            } else if (path.equals(TOKEN) && exchange.getRequestMethod().equals("POST")) {
                token(exchange, body);
            } else if (path.equals(USER_ID) && exchange.getRequestMethod().equals("GET")) {
                userId(exchange, body);
            } else if (path.equals(REGISTRATION) && exchange.getRequestMethod().equals("DELETE")) {
                deregister(exchange, body);
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void initiate(HttpExchange exchange, byte[] body) throws IOException {
        Map<String, String> oauth = protocolParameters(exchange);
        String callback = oauth.get("oauth_callback");
        if (callback == null) {
            form(exchange, 400, "oauth_problem=parameter_absent");
        } else if (!authentic(exchange, body, oauth, "")) {
            form(exchange, 401, "oauth_problem=signature_invalid");
        } else {
            String token = fresh();
            String secret = fresh();
            handedOut.add(secret);
            pending.put(token, new Pending(secret, callback, null));
            form(
                    exchange,
                    200,
                    "oauth_token=" + token + "&oauth_token_secret=" + secret
                            + (callbackConfirmed == null ? "" : "&oauth_callback_confirmed=" + callbackConfirmed));
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        String token = queryParameters(exchange.getRequestURI().getRawQuery()).stream()
                .filter(p -> p[0].equals("oauth_token"))
                .map(p -> p[1])
                .findFirst()
                .orElse("");
        Pending request = pending.get(token);
        if (request == null) {
            form(exchange, 401, "oauth_problem=token_rejected");
            return;
        }
        String verifier = approve(token);
        String callback = request.callback();
        exchange.getResponseHeaders()
                .set(
                        "Location",
                        callback + (callback.contains("?") ? "&" : "?") + "oauth_token=" + encode(token)
                                + "&oauth_verifier=" + encode(verifier));
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange, byte[] body) throws IOException {
        Map<String, String> oauth = protocolParameters(exchange);
        Pending request = pending.get(oauth.getOrDefault("oauth_token", ""));
        if (request == null) {
            form(exchange, 401, "oauth_problem=token_rejected");
        } else if (!authentic(exchange, body, oauth, request.secret())) {
            form(exchange, 401, "oauth_problem=signature_invalid");
        } else if (request.verifier() == null
                || !request.verifier().equals(oauth.get("oauth_verifier"))
                || pending.remove(oauth.get("oauth_token")) == null) {
            form(exchange, 401, "oauth_problem=verifier_invalid");
        } else {
            String token = fresh();
            String secret = fresh();
            handedOut.add(token);
            handedOut.add(secret);
            issued.put(token, secret);
            form(exchange, 200, "oauth_token=" + token + "&oauth_token_secret=" + secret);
        }
    }

    private void userId(HttpExchange exchange, byte[] body) throws IOException {
        Map<String, String> oauth = protocolParameters(exchange);
        String token = oauth.getOrDefault("oauth_token", "");
        String secret = issued.get(token);
        if (secret == null || deregistered.contains(token) || !authentic(exchange, body, oauth, secret)) {
            form(exchange, 401, "oauth_problem=token_rejected");
        } else {
            send(
                    exchange,
                    200,
                    "application/json",
                    ("{\"userId\":\"" + userIdOf(token) + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void deregister(HttpExchange exchange, byte[] body) throws IOException {
        Map<String, String> oauth = protocolParameters(exchange);
        String token = oauth.getOrDefault("oauth_token", "");
        String secret = issued.get(token);
        if (secret == null || !authentic(exchange, body, oauth, secret) || !deregistered.add(token)) {
            form(exchange, 401, "oauth_problem=token_rejected");
        } else {
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** The user id this provider gives the holder of the token credentials {@code token}. */
    public String userIdOf(String token) {
        return "user-" + Integer.toHexString(token.hashCode());
    }

    /** Known client, valid HMAC-SHA1 signature, and a nonce never seen with this timestamp and token. */
    private boolean authentic(HttpExchange exchange, byte[] body, Map<String, String> oauth, String tokenSecret) {
        boolean valid = consumerKey.equals(oauth.get("oauth_consumer_key"))
                && "HMAC-SHA1".equals(oauth.get("oauth_signature_method"))
                && oauth.containsKey("oauth_signature")
                && MessageDigest.isEqual(
                        expectedSignature(exchange, body, oauth, tokenSecret).getBytes(StandardCharsets.US_ASCII),
                        oauth.get("oauth_signature").getBytes(StandardCharsets.US_ASCII))
                && seenNonces.add(oauth.get("oauth_consumer_key") + " " + oauth.getOrDefault("oauth_token", "") + " "
                        + oauth.get("oauth_timestamp") + " " + oauth.get("oauth_nonce"));
        (valid ? signaturesVerified : signaturesRejected).incrementAndGet();
        return valid;
    }

    private String expectedSignature(
            HttpExchange exchange, byte[] body, Map<String, String> oauth, String tokenSecret) {
        List<String[]> parameters =
                new ArrayList<>(queryParameters(exchange.getRequestURI().getRawQuery()));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            parameters.addAll(queryParameters(new String(body, StandardCharsets.UTF_8)));
        }
        oauth.forEach((name, value) -> {
            if (!name.equals("realm") && !name.equals("oauth_signature")) {
                parameters.add(new String[] {name, value});
            }
        });
        List<String> pairs = new ArrayList<>();
        for (String[] parameter : parameters) {
            pairs.add(encode(parameter[0]) + "=" + encode(parameter[1]));
        }
        pairs.sort((a, b) -> {
            String[] x = a.split("=", 2);
            String[] y = b.split("=", 2);
            int byName = x[0].compareTo(y[0]);
            return byName != 0 ? byName : x[1].compareTo(y[1]);
        });
        // RFC 5849 §3.4.1.2: the authority is the one the request was addressed to, i.e. its Host header.
        String host = exchange.getRequestHeaders().getFirst("Host");
        String authority = host == null
                ? "127.0.0.1:" + server.getAddress().getPort()
                : host.toLowerCase(java.util.Locale.ROOT).replaceFirst(":80$", "");
        String ownUri = "http://" + authority + exchange.getRequestURI().getRawPath();
        String base = exchange.getRequestMethod() + "&" + encode(ownUri) + "&" + encode(String.join("&", pairs));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(
                    (encode(consumerSecret) + "&" + encode(tokenSecret)).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OAuth parameters of the {@code Authorization} header, decoded; empty if there is none. */
    private static Map<String, String> protocolParameters(HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return parameters;
        }
        Matcher matcher = HEADER_PARAMETER.matcher(header.substring(6));
        while (matcher.find()) {
            parameters.put(decode(matcher.group(1)), decode(matcher.group(2)));
        }
        return parameters;
    }

    private static List<String[]> queryParameters(String raw) {
        List<String[]> parameters = new ArrayList<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&", -1)) {
            if (!pair.isEmpty()) {
                String[] nameValue = pair.split("=", 2);
                parameters.add(new String[] {decode(nameValue[0]), nameValue.length == 2 ? decode(nameValue[1]) : ""});
            }
        }
        return parameters;
    }

    /** RFC 5849 §3.6 by way of form encoding: fix up the three places where the two differ. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private String fresh() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void form(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
