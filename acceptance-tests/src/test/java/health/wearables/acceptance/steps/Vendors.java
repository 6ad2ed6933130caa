package health.wearables.acceptance.steps;

import com.sun.net.httpserver.HttpExchange;
import health.wearables.acceptance.sweep.SecretKind;
import health.wearables.adapters.rest.out.provider.ProviderSimulator;
import health.wearables.adapters.rest.out.provider.ProviderSimulator.Answer;
import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The OAuth servers of the built-in vendors whose data the run syncs (Oura, Withings, WHOOP, Dexcom, Google Health),
 * as the gateway under test was configured to find them: one token endpoint simulator on a fixed loopback port, with
 * {@code /<slug>/authorize} and {@code /<slug>/token} for each vendor. Each vendor answers in its documented format
 * (Withings: {@code action=requesttoken}, HTTP 200 wrapped as {@code {"status": 0, "body": {...}}}).
 *
 * <p>The authorization endpoint approves the patient's {@link Account} that the scenario made current and sends her
 * back to the gateway with a fresh code. The token endpoint redeems a code once, and rotates refresh tokens: each is
 * good for one refresh, a second use is refused with {@code invalid_grant} (as Fitbit, WHOOP and Withings do). Every
 * token it issues is registered with {@link RunSecrets}.
 */
public final class Vendors {
    static final List<String> SLUGS = List.of("oura", "withings", "whoop", "dexcom", "google-health");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static ProviderSimulator simulator;
    private static final Map<String, Account> BY_CODE = new ConcurrentHashMap<>();
    private static final Map<String, Account> BY_ACCESS_TOKEN = new ConcurrentHashMap<>();
    private static volatile Account approving;

    /** A patient's account at a vendor: her data there, and the tokens the vendor issued for it. */
    static final class Account {
        final String slug;
        volatile DataSimulator data;
        final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
        final Set<String> unusedRefreshTokens = ConcurrentHashMap.newKeySet();
        final List<String> refreshTokensPresented = new CopyOnWriteArrayList<>();
        final List<String> refusedRefreshTokens = new CopyOnWriteArrayList<>();
        final List<java.time.Instant> refreshRequestTimes = new CopyOnWriteArrayList<>();
        /** Every access token issued, in order: the first for the code, the others for refreshes. */
        final List<String> issuedAccessTokens = new CopyOnWriteArrayList<>();

        volatile String latestAccessToken;
        /** The lifetimes ({@code expires_in}) of the next access tokens issued; an hour once none is left. */
        final java.util.Queue<Long> expiries = new java.util.concurrent.ConcurrentLinkedQueue<>();

        volatile boolean refusesRefresh;

        /**
         * Her user id at the vendor, her own (the vendors' notifications name it): Withings answers it with the tokens,
         * Oura's and WHOOP's data simulators from their profile calls.
         */
        final String providerUserId = Long.toString(1_000_000 + RANDOM.nextInt(1_000_000_000));

        Account(String slug, DataSimulator data) {
            this.slug = slug;
            this.data = data;
            data.acceptTokensWhere(accessTokens::contains);
        }

        /** What the vendor holds for her from now on: another simulator, taking the same tokens. */
        void replaceData(DataSimulator next) {
            next.acceptTokensWhere(accessTokens::contains);
            DataSimulator previous = data;
            data = next;
            previous.close();
        }

        /**
         * She removes the app's access in her account at the vendor: every token it issued to the app stops working,
         * at the data API and at the token endpoint alike.
         */
        void removesTheApp() {
            accessTokens.clear();
            unusedRefreshTokens.clear();
        }

        /** Refresh requests the vendor received for this account (granted or refused). */
        int refreshRequests() {
            return refreshTokensPresented.size();
        }
    }

    @BeforeAll
    public static void start() {
        simulator = ProviderSimulator.start(
                Settings.simulatorsBindAddress(), Integer.parseInt(Settings.get("vendor.port")));
        for (String slug : SLUGS) {
            simulator.answer("/" + slug + "/authorize", Vendors::authorize);
            simulator.answer("/" + slug + "/token", exchange -> token(slug, exchange));
        }
        // Oura revokes at its OAuth server, beside its token endpoint (GET /oauth/revoke?access_token=…, 200); a token
        // revoked there stops working at the data API of the account it was issued for
        simulator.answer("/oura/revoke", simulator.revocation(ProviderSimulator.TokenIn.QUERY_ACCESS_TOKEN, 200, 200));
        simulator.onRevoked(token -> holderOf(token).ifPresent(account -> account.data.revoke(token)));
    }

    /** The vendors' OAuth servers (Oura's revocation endpoint among them). */
    static ProviderSimulator simulator() {
        return simulator;
    }

    @AfterAll
    public static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The account the next approval at any vendor is for (scenarios run one at a time). */
    static void approving(Account account) {
        approving = account;
    }

    /** The account an access token was issued for. */
    static Optional<Account> holderOf(String accessToken) {
        return Optional.ofNullable(BY_ACCESS_TOKEN.get(accessToken));
    }

    private static void authorize(HttpExchange exchange) throws IOException, InterruptedException {
        Map<String, String> query = Query.of(exchange.getRequestURI());
        Account account = approving;
        if (account == null || query.get("redirect_uri") == null) {
            Answer.json(400, "{\"error\":\"invalid_request\"}").respond(exchange);
            return;
        }
        String code = "code-" + random();
        BY_CODE.put(code, account);
        URI back = URI.create(query.get("redirect_uri") + "?code=" + code + "&state="
                + Gateway.encode(query.getOrDefault("state", "")));
        Answer.redirect(back).respond(exchange);
    }

    private static void token(String slug, HttpExchange exchange) throws IOException, InterruptedException {
        Map<String, String> form = ProviderSimulator.recorded(exchange).form();
        RunSecrets.rememberFromForm(ProviderSimulator.recorded(exchange).body());
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals("authorization_code")) {
            Account account = BY_CODE.remove(form.getOrDefault("code", ""));
            if (account == null || !account.slug.equals(slug)) {
                refuse(slug, exchange);
                return;
            }
            issue(account, exchange);
        } else if (grant.equals("refresh_token")) {
            String presented = form.getOrDefault("refresh_token", "");
            Account account = owner(slug, presented);
            if (account == null) {
                refuse(slug, exchange);
                return;
            }
            account.refreshRequestTimes.add(java.time.Instant.now());
            account.refreshTokensPresented.add(presented);
            if (account.refusesRefresh || !account.unusedRefreshTokens.remove(presented)) {
                account.refusedRefreshTokens.add(presented);
                refuse(slug, exchange);
                return;
            }
            issue(account, exchange);
        } else {
            Answer.json(400, "{\"error\":\"unsupported_grant_type\"}").respond(exchange);
        }
    }

    private static final Map<String, Account> BY_REFRESH_TOKEN = new ConcurrentHashMap<>();

    private static Account owner(String slug, String refreshToken) {
        Account account = BY_REFRESH_TOKEN.get(refreshToken);
        return account != null && account.slug.equals(slug) ? account : null;
    }

    private static void issue(Account account, HttpExchange exchange) throws IOException, InterruptedException {
        String access = account.slug + "-access-" + random();
        String refresh = account.slug + "-refresh-" + random();
        RunSecrets.remember(SecretKind.ACCESS_TOKEN, access);
        RunSecrets.remember(SecretKind.REFRESH_TOKEN, refresh);
        account.accessTokens.add(access);
        account.issuedAccessTokens.add(access);
        account.unusedRefreshTokens.add(refresh);
        BY_ACCESS_TOKEN.put(access, account);
        BY_REFRESH_TOKEN.put(refresh, account);
        account.latestAccessToken = access;
        String tokens = "\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"refresh_token\":\"" + refresh
                + "\",\"expires_in\":"
                + Optional.ofNullable(account.expiries.poll()).orElse(3600L);
        if (account.slug.equals("withings")) {
            Answer.json(200, "{\"status\":0,\"body\":{\"userid\":\"" + account.providerUserId + "\"," + tokens + "}}")
                    .respond(exchange);
        } else {
            Answer.json(200, "{" + tokens + "}").respond(exchange);
        }
    }

    /** {@code invalid_grant}, the vendor's way. */
    private static void refuse(String slug, HttpExchange exchange) throws IOException, InterruptedException {
        if (slug.equals("withings")) {
            Answer.json(200, "{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid refresh_token\"}")
                    .respond(exchange);
        } else {
            Answer.json(400, "{\"error\":\"invalid_grant\"}").respond(exchange);
        }
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
