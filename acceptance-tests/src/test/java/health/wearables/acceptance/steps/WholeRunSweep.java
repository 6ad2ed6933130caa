package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.wearables.acceptance.sweep.Secret;
import health.wearables.acceptance.sweep.SecretKind;
import health.wearables.acceptance.sweep.SecretsSweep;
import health.wearables.acceptance.sweep.SecretsSweep.Source;
import io.cucumber.java.AfterAll;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Hostile case 42 over the whole run: after the last scenario, none of the secrets the run handled appears in any file
 * of any gateway instance's log directory, in any error body the gateway answered, or in any row of any table of the
 * FHIR store's database: the Endpoints, and the Devices and Observations the syncs wrote.
 *
 * <p>The secrets are what {@link RunSecrets} collected during the run (states, codes, verifiers, tokens the providers
 * issued, refreshed and rotated ones included), the tokens sealed in every stored Endpoint (opened with the run's
 * keyset), and what the configuration holds (client secrets and the Basic credentials made from them, API keys, the
 * keyset's key material, the webhook secrets and verify tokens).
 * A failure names the kind of secret and where it was found, never the secret.
 */
public final class WholeRunSweep {
    /** Kinds a full run cannot help handling; a run filtered by tags may handle fewer. */
    private static final Set<SecretKind> A_FULL_RUN_HANDLES = EnumSet.of(
            SecretKind.STATE,
            SecretKind.AUTHORIZATION_CODE,
            SecretKind.PKCE_VERIFIER,
            SecretKind.ACCESS_TOKEN,
            SecretKind.REFRESH_TOKEN,
            SecretKind.CLIENT_SECRET,
            SecretKind.API_KEY,
            SecretKind.TOKEN_KEY,
            SecretKind.VERIFY_TOKEN);

    /** The last after-all hook (lower orders run later): the providers have handed over what they received. */
    @AfterAll(order = 0)
    public static void sweep() throws IOException, SQLException {
        if (Settings.conformanceRun()) {
            System.out.println("[secrets sweep] not run: a conformance run reads neither the gateway's log files nor"
                    + " its database (each scenario's report says so)");
            return;
        }
        int endpointVersions = openEveryStoredEndpoint();
        List<Secret> secrets = new ArrayList<>(RunSecrets.secrets());
        secrets.addAll(configuredSecrets());
        SecretsSweep sweep = new SecretsSweep(secrets)
                .expect(Source.LOG_FILE, "connected: project=acme")
                .expect(Source.DATABASE_ROW, "https://wearables.health/fhir/NamingSystem/connection")
                .expect(Source.METRICS, "wearables_events_deliveries_total");
        if (aFullRun()) {
            // a part of the features (e.g. @lifecycle) may meet no refused state
            sweep.expect(Source.ERROR_BODY, "INVALID_STATE");
            // the stored resources themselves, not only their search indexes: every sync wrote Devices and Observations
            sweep.expect(Source.SPAN, "wearables.provider");
            sweep.expect(Source.DATABASE_ROW, "\"resourceType\":\"Observation\"")
                    .expect(Source.DATABASE_ROW, "\"resourceType\":\"Device\"");
        }

        for (Path directory : Settings.gatewayLogDirectories()) {
            sweep.searchFilesUnder(directory);
        }
        for (RunSecrets.ErrorBody answer : RunSecrets.errorBodies()) {
            sweep.search(Source.ERROR_BODY, answer.request(), answer.body());
        }
        // the metrics' labels and values, of both instances that share the run's Redis (the third one's are the same
        // kinds, and a scenario may have stopped its Redis)
        for (URI instance : List.of(Settings.gatewayBaseUrl(), Settings.secondGatewayBaseUrl())) {
            HttpResponse<String> metrics = new Gateway().browse(instance.resolve("/metrics"));
            assertThat(metrics.statusCode()).as("GET " + instance + "/metrics").isEqualTo(200);
            sweep.search(Source.METRICS, instance + "/metrics", metrics.body());
        }
        // the second instance's spans went to the operators' collector, not to its log
        for (OtlpCollector.ReceivedSpan span : OtlpCollector.spans()) {
            sweep.search(
                    Source.SPAN,
                    "span " + span.name() + " of trace " + span.traceId(),
                    span.name() + " " + span.attributes());
        }
        int tables = searchDatabase(sweep);

        System.out.println("[secrets sweep] " + sweep.summary() + "; " + tables + " tables, " + endpointVersions
                + " Endpoint versions opened");
        assertThat(sweep.findings())
                .as("secrets of the run found where they must never be")
                .isEmpty();
        assertThat(sweep.missingControls())
                .as("texts every sweep must meet, or it did not read that source")
                .isEmpty();
        if (aFullRun()) {
            assertThat(sweep.secretsByKind().keySet())
                    .as("kinds of secrets the run handled")
                    .containsAll(A_FULL_RUN_HANDLES);
        }
    }

    /** No filter chose the scenarios: the run handled every kind of secret, and synced data. */
    private static boolean aFullRun() {
        return System.getProperty("cucumber.filter.tags") == null
                && System.getProperty("cucumber.filter.name") == null
                && System.getProperty("cucumber.features") == null;
    }

    /**
     * Opens the current version of every Endpoint of every project, which registers its tokens, and checks that every
     * earlier version is gone (expunged with its token ciphertext); returns how many Endpoints were opened.
     */
    private static int openEveryStoredEndpoint() {
        Gateway gateway = new Gateway();
        int versions = 0;
        for (String project : Settings.projects()) {
            String apiKey = Settings.apiKeyOf(project);
            HttpResponse<String> page = gateway.fhir(apiKey, "Endpoint?_count=200");
            while (page != null) {
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                JsonNode bundle = Json.parse(page.body());
                for (JsonNode entry : bundle.path("entry")) {
                    String id = entry.at("/resource/id").asText();
                    int latest = Integer.parseInt(
                            entry.at("/resource/meta/versionId").asText());
                    for (int version = 1; version < latest; version++) {
                        HttpResponse<String> read = gateway.fhir(apiKey, "Endpoint/" + id + "/_history/" + version);
                        assertThat(read.statusCode())
                                .as("a superseded version of Endpoint/%s (its old token ciphertext) is expunged", id)
                                .isIn(404, 410);
                    }
                    HttpResponse<String> read = gateway.fhir(apiKey, "Endpoint/" + id + "/_history/" + latest);
                    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                    JsonNode endpoint = Json.parse(read.body());
                    if ("off".equals(endpoint.path("status").asText())) {
                        // an ended connection: no sealed token at all, in this version or any other (hostile case 62)
                        assertThat(read.body())
                                .as("an ended connection's Endpoint holds no token material")
                                .doesNotContain("sealed-token");
                    } else {
                        SealedCredentials.openWhatIsThere(endpoint);
                    }
                    versions++;
                }
                page = null;
                for (JsonNode link : bundle.path("link")) {
                    if ("next".equals(link.path("relation").asText())) {
                        page = gateway.fhirPage(
                                apiKey, URI.create(link.path("url").asText()));
                    }
                }
            }
        }
        return versions;
    }

    private static List<Secret> configuredSecrets() throws IOException {
        List<Secret> secrets = new ArrayList<>();
        for (String provider : Settings.providers()) {
            String secret = Settings.clientSecretOf(provider);
            secrets.add(new Secret(SecretKind.CLIENT_SECRET, secret));
            // RFC 6749 §2.3.1: HTTP Basic of the form-encoded id and secret
            String basic = URLEncoder.encode(Settings.clientIdOf(provider), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            secrets.add(new Secret(
                    SecretKind.CLIENT_SECRET,
                    Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8))));
        }
        for (String provider : Settings.providers()) {
            Settings.webhookSettingOf(provider, "webhook-secret")
                    .ifPresent(secret -> secrets.add(new Secret(SecretKind.WEBHOOK_SECRET, secret)));
            Settings.webhookSettingOf(provider, "webhook-verify-token")
                    .ifPresent(token -> secrets.add(new Secret(SecretKind.VERIFY_TOKEN, token)));
        }
        for (String project : Settings.projects()) {
            secrets.add(new Secret(SecretKind.API_KEY, Settings.apiKeyOf(project)));
        }
        // The gateway creates its keyset when it first seals a token: a run of scenarios that connected no one (a
        // filtered run, say) has none, and no key material to look for.
        Path keysetFile = Settings.gatewayDataDirectory().resolve("token-keyset.json");
        if (Files.exists(keysetFile)) {
            JsonNode keyset = Json.parse(Files.readString(keysetFile));
            for (JsonNode key : keyset.path("key")) {
                secrets.add(new Secret(
                        SecretKind.TOKEN_KEY, key.at("/keyData/value").asText()));
            }
        }
        return secrets;
    }

    /** Every row of every table as text, and every large object; returns the number of tables. */
    private static int searchDatabase(SecretsSweep sweep) throws SQLException {
        try (Connection db =
                DriverManager.getConnection(Settings.get("fhir.jdbc-url"), Settings.get("fhir.jdbc-user"), "")) {
            db.setAutoCommit(false); // so that the driver streams rows in batches of the fetch size
            List<String> tables = new ArrayList<>();
            try (Statement statement = db.createStatement();
                    ResultSet names = statement.executeQuery(
                            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' "
                                    + "and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2")) {
                while (names.next()) {
                    tables.add("\"" + names.getString(1) + "\".\"" + names.getString(2) + "\"");
                }
            }
            for (String table : tables) {
                searchRows(db, sweep, table, "select t::text from " + table + " t");
            }
            // every version of every resource (Endpoints, Devices, Observations) as the FHIR store wrote its JSON,
            // not quoted as part of a row
            searchRows(
                    db,
                    sweep,
                    "hfj_res_ver.res_text_vc",
                    "select res_text_vc from hfj_res_ver where res_text_vc is not null");
            searchRows(
                    db,
                    sweep,
                    "pg_largeobject",
                    "select string_agg(encode(data, 'escape'), '' order by pageno) from pg_largeobject group by loid");
            db.rollback();
            return tables.size();
        }
    }

    private static void searchRows(Connection db, SecretsSweep sweep, String where, String query) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.setFetchSize(500);
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    sweep.search(Source.DATABASE_ROW, where, rows.getString(1));
                }
            }
        }
    }
}
