package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.validation.ValidationResult;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import health.wearables.adapters.sealing.TinkTokenCipher;
import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import health.wearables.domain.lifecycle.EndReason;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.ObservationDraft;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Endpoint's history keeps no superseded token ciphertext: after refreshes, a reauth mark and a reconnect, the
 * database of the FHIR store (the real PostgreSQL, read over JDBC, every column of every table that can hold text or
 * bytes, and every large object) holds one version of the Endpoint and none of the ciphertexts it no longer uses,
 * while the current ones are found where HAPI keeps them (which shows the scan reads that place). The version number
 * counts on, the compare-and-set works, the tags stay, and the Observations keep their history.
 */
class FhirEndpointHistoryTest {
    private static final String DATABASE = "wearables_adapter_test";

    private static TinkTokenCipher cipher;
    private final EmbeddedFhirStore fhir = SharedFhirStore.get();
    private final FhirConnectionStore store = SharedFhirStore.connections();

    @BeforeAll
    static void keyset() throws GeneralSecurityException {
        AeadConfig.register();
        cipher = new TinkTokenCipher(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get()));
    }

    /** Fresh tokens, sealed by Tink: every ciphertext is random, so one found in the database is one written here. */
    private static SealedCredentials credentials(ConnectionKey key, String access) {
        return Samples.sealed(cipher, key, access, Optional.of("refresh-of-" + access));
    }

    private static Map<String, SealedToken> tokens(String name, SealedCredentials credentials) {
        Map<String, SealedToken> tokens = new LinkedHashMap<>();
        tokens.put(name + " access", credentials.accessToken());
        credentials.refreshToken().ifPresent(refresh -> tokens.put(name + " refresh", refresh));
        return tokens;
    }

    private Endpoint endpointOf(ConnectionKey key) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("identifier", new TokenParam(EndpointMapping.CONNECTION_SYSTEM, key.canonical()));
        return (Endpoint) fhir.endpoints()
                .search(search, new SystemRequestDetails())
                .getAllResources()
                .get(0);
    }

    private int historySize(Endpoint endpoint) {
        return fhir.endpoints()
                .history(
                        endpoint.getIdElement().toUnqualifiedVersionless(),
                        null,
                        null,
                        null,
                        new SystemRequestDetails())
                .size();
    }

    @Test
    void after_refreshes_a_reauth_mark_and_a_reconnect_one_version_is_left_and_no_superseded_ciphertext_anywhere()
            throws Exception {
        ConnectionKey key = Samples.connectionKey();
        FhirSyncPoints points = new FhirSyncPoints(fhir);
        SyncPoint point = new SyncPoint(
                Optional.of(Instant.parse("2026-11-02T12:00:00Z")), Instant.parse("2026-11-02T12:00:30Z"), Outcome.OK);
        Map<String, SealedToken> superseded = new LinkedHashMap<>();
        SealedCredentials first = credentials(key, "access-0");
        store.save(first);
        store.markSyncPending(key);
        points.record(key, point);
        superseded.putAll(tokens("first", first));
        SealedCredentials current = first;
        for (int refresh = 1; refresh <= 3; refresh++) {
            SealedCredentials refreshed = credentials(key, "access-" + refresh);
            assertThat(store.replace(current, refreshed)).isTrue();
            superseded.putAll(tokens("refresh " + refresh, refreshed));
            current = refreshed;
        }
        assertThat(store.markReauthRequired(current)).isTrue();
        SealedCredentials reconnected = credentials(key, "access-reconnected");
        store.save(reconnected);

        Endpoint endpoint = endpointOf(key);
        assertThat(endpoint.getMeta().getVersionId())
                .as("save, three refreshes, the mark and the reconnect: six versions were written")
                .isEqualTo("6");
        assertThat(endpoint.getStatus()).isEqualTo(Endpoint.EndpointStatus.ACTIVE);
        try (Connection database = database()) {
            Scan scan = Scan.of(database);
            assertThat(scan.places(superseded))
                    .as("superseded ciphertexts found in the database")
                    .isEmpty();
            assertThat(scan.places(tokens("reconnected", reconnected)))
                    .as("the current ciphertexts, where the scan must find them")
                    .containsOnlyKeys("reconnected access", "reconnected refresh")
                    .allSatisfy((token, places) -> assertThat(places).containsExactly("hfj_res_ver.res_text_vc"));
            assertThat(versionRows(database, endpoint)).containsExactly(6L);
        }
        assertThat(historySize(endpoint)).isEqualTo(1);
        assertThat(endpoint.getMeta().getTag(EndpointMapping.SYNC_TAG_SYSTEM, EndpointMapping.SYNC_PENDING))
                .isNotNull();
        assertThat(points.find(key)).contains(point);

        SealedCredentials afterwards = credentials(key, "access-afterwards");
        assertThat(store.replace(current, afterwards))
                .as("credentials a reconnect superseded")
                .isFalse();
        assertThat(store.replace(reconnected, afterwards)).isTrue();
        assertThat(store.find(key)).contains(afterwards);
        Endpoint last = endpointOf(key);
        assertThat(last.getMeta().getVersionId()).isEqualTo("7");
        try (Connection database = database()) {
            assertThat(versionRows(database, last)).containsExactly(7L);
            assertThat(Scan.of(database).places(tokens("reconnected", reconnected)))
                    .isEmpty();
        }
        assertThat(points.find(key)).contains(point);
        assertThat(last.getMeta().getTag(EndpointMapping.SYNC_TAG_SYSTEM, EndpointMapping.SYNC_PENDING))
                .isNotNull();
    }

    @Test
    void an_ended_connection_leaves_no_ciphertext_of_any_of_its_versions_in_any_row_of_the_database() throws Exception {
        ConnectionKey key = Samples.connectionKey();
        Map<String, SealedToken> all = new LinkedHashMap<>();
        SealedCredentials current = credentials(key, "access-end-0");
        store.save(current);
        all.putAll(tokens("first", current));
        for (int refresh = 1; refresh <= 2; refresh++) {
            SealedCredentials refreshed = credentials(key, "access-end-" + refresh);
            assertThat(store.replace(current, refreshed)).isTrue();
            all.putAll(tokens("refresh " + refresh, refreshed));
            current = refreshed;
        }

        assertThat(store.end(key, EndReason.DISCONNECTED))
                .isEqualTo(new ConnectionEnding.Ended(
                        store.list(key.project(), Optional.of(key.patient()))
                                .get(0)
                                .endpointId(),
                        Optional.of(current)));

        Endpoint ended = endpointOf(key);
        assertThat(ended.getStatus()).isEqualTo(Endpoint.EndpointStatus.OFF);
        assertThat(ended.getExtensionsByUrl(EndpointMapping.EXT_SEALED_TOKEN)).isEmpty();
        assertThat(ended.getPeriod().hasEnd()).isTrue();
        ValidationResult result = FhirContext.forR4Cached().newValidator().validateWithResult(ended);
        assertThat(result.isSuccessful()).as(result.getMessages().toString()).isTrue();
        try (Connection database = database()) {
            assertThat(Scan.of(database).places(all))
                    .as("ciphertexts of the ended connection found in the database (hostile case 62)")
                    .isEmpty();
            assertThat(versionRows(database, ended)).containsExactly(4L);
        }
        assertThat(historySize(ended)).isEqualTo(1);
    }

    @Test
    void a_write_whose_expunge_fails_still_lands_warns_without_a_token_and_the_next_write_expunges_what_is_left()
            throws Exception {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials first = credentials(key, "access-w0");
        store.save(first);
        SealedCredentials second = credentials(key, "access-w1");
        JpaStorageSettings settings = fhir.bean(JpaStorageSettings.class);
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            settings.setExpungeEnabled(false);
            try {
                assertThat(store.save(second).connection().status()).isEqualTo(ConnectionStatus.ACTIVE);
            } finally {
                settings.setExpungeEnabled(true);
            }
            SimpleFormatter formatter = new SimpleFormatter();
            warnings = log.records().stream()
                    .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                    .filter(record -> FhirConnectionStore.class.getName().equals(record.getLoggerName()))
                    .map(formatter::format)
                    .toList();
            assertThat(log.lines())
                    .as("nothing logged holds a token")
                    .allSatisfy(line -> assertThat(line).doesNotContain(secrets(first, second)));
        }

        assertThat(store.find(key)).contains(second);
        Endpoint endpoint = endpointOf(key);
        assertThat(warnings)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(
                                "the superseded versions of Endpoint/"
                                        + endpoint.getIdElement().getIdPart() + " were not expunged",
                                "MethodNotAllowedException"));
        Map<String, SealedToken> both = new LinkedHashMap<>(tokens("first", first));
        both.putAll(tokens("second", second));
        try (Connection database = database()) {
            assertThat(versionRows(database, endpoint)).containsExactly(1L, 2L);
            assertThat(Scan.of(database).places(tokens("first", first)))
                    .as("the superseded ciphertexts, still there")
                    .containsOnlyKeys("first access", "first refresh");
        }

        SealedCredentials third = credentials(key, "access-w2");
        assertThat(store.replace(second, third)).isTrue();

        Endpoint last = endpointOf(key);
        assertThat(last.getMeta().getVersionId()).isEqualTo("3");
        try (Connection database = database()) {
            assertThat(versionRows(database, last)).containsExactly(3L);
            assertThat(Scan.of(database).places(both)).isEmpty();
        }
    }

    @Test
    void a_revised_observation_keeps_its_history_when_its_connection_is_written() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials first = credentials(key, "access-h0");
        store.save(first);
        FhirObservationStore observations = new FhirObservationStore(fhir, SharedFhirStore.NO_PROVIDERS);
        Effective morning = Effective.at(Instant.parse("2026-11-02T07:30:00Z"));
        String identifier = Samples.unique("hr");
        observations.write(key, List.of(new ObservationDraft(key, DataType.HEART_RATE, 64, morning, identifier)));
        observations.write(key, List.of(new ObservationDraft(key, DataType.HEART_RATE, 66, morning, identifier)));

        store.replace(first, credentials(key, "access-h1"));
        store.save(credentials(key, "access-h2"));

        Observation revised = StoredData.observations(fhir, key).get(0);
        assertThat(revised.getMeta().getVersionId()).isEqualTo("2");
        assertThat(fhir.observations()
                        .history(
                                revised.getIdElement().toUnqualifiedVersionless(),
                                null,
                                null,
                                null,
                                new SystemRequestDetails())
                        .size())
                .isEqualTo(2);
        assertThat(historySize(endpointOf(key))).isEqualTo(1);
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + TestDatabases.HOST + "/" + DATABASE, TestDatabases.USER, "");
    }

    /** The versions of the Endpoint in HAPI's history table, read straight from its rows. */
    private static List<Long> versionRows(Connection database, Endpoint endpoint) throws SQLException {
        List<Long> versions = new ArrayList<>();
        try (PreparedStatement select = database.prepareStatement("select v.res_ver from hfj_res_ver v"
                + " join hfj_resource r on r.res_id = v.res_id"
                + " where r.res_type = 'Endpoint' and r.fhir_id = ? order by v.res_ver")) {
            select.setString(1, endpoint.getIdElement().getIdPart());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getLong(1));
                }
            }
        }
        return versions;
    }

    /** What a log line must never hold: the plaintext tokens, and their ciphertexts as the Endpoint holds them. */
    private static String[] secrets(SealedCredentials... credentials) {
        List<String> secrets = new ArrayList<>();
        for (SealedCredentials each : credentials) {
            tokens("", each).values().forEach(token -> secrets.add(base64(token)));
            secrets.add(cipher.open(each.key(), TokenKind.ACCESS, each.accessToken()));
            each.refreshToken().ifPresent(refresh -> secrets.add(cipher.open(each.key(), TokenKind.REFRESH, refresh)));
        }
        return secrets.toArray(String[]::new);
    }

    static String base64(SealedToken token) {
        return Base64.getEncoder().encodeToString(token.ciphertext());
    }

    /**
     * Every value the database holds that could carry a ciphertext: each text, character, JSON, XML and {@code bytea}
     * column of every table outside PostgreSQL's own schemas, each large object a column of type {@code oid} names
     * (where HAPI's {@code RES_TEXT} would keep a resource as bytes) and every large object there is. Bytes are
     * searched as they are and, when they are gzip (HAPI's {@code JSONC} encoding), unzipped.
     */
    private record Scan(List<Value> values) {
        /** One value of one row: text, or bytes (searched as they are, as text, and unzipped when gzip). */
        private static final class Value {
            private final String place;
            private final List<String> texts = new ArrayList<>();
            private final List<byte[]> bytes = new ArrayList<>();

            Value(String place, String text) {
                this.place = place;
                if (text != null) {
                    texts.add(text);
                }
            }

            Value(String place, byte[] raw) {
                this.place = place;
                if (raw != null) {
                    bytes.add(raw);
                    unzipped(raw).ifPresent(bytes::add);
                    bytes.forEach(each -> texts.add(new String(each, StandardCharsets.ISO_8859_1)));
                }
            }

            boolean holds(SealedToken token) {
                String encoded = base64(token);
                return texts.stream().anyMatch(text -> text.contains(encoded))
                        || bytes.stream().anyMatch(each -> contains(each, token.ciphertext()));
            }
        }

        static Scan of(Connection database) throws SQLException {
            Map<String, List<String[]>> columns = new LinkedHashMap<>();
            try (Statement statement = database.createStatement();
                    ResultSet found = statement.executeQuery("select c.table_schema, c.table_name, c.column_name,"
                            + " c.data_type from information_schema.columns c join information_schema.tables t"
                            + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                            + " where t.table_type = 'BASE TABLE'"
                            + " and c.table_schema not in ('pg_catalog', 'information_schema')"
                            + " and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'xml',"
                            + " 'bytea', 'oid', 'USER-DEFINED', 'ARRAY')")) {
                while (found.next()) {
                    columns.computeIfAbsent(
                                    quoted(found.getString(1)) + "." + quoted(found.getString(2)),
                                    table -> new ArrayList<>())
                            .add(new String[] {found.getString(2), found.getString(3), found.getString(4)});
                }
            }
            assertThat(columns).as("tables scanned").containsKey("\"public\".\"hfj_res_ver\"");
            List<Value> values = new ArrayList<>();
            for (Map.Entry<String, List<String[]>> table : columns.entrySet()) {
                List<String> selected = new ArrayList<>();
                for (String[] column : table.getValue()) {
                    String name = quoted(column[1]);
                    selected.add(
                            switch (column[2]) {
                                case "bytea" -> name;
                                case "oid" ->
                                    "(select lo_get(m.oid) from pg_largeobject_metadata m where m.oid = " + name + ")";
                                default -> name + "::text";
                            });
                }
                try (Statement statement = database.createStatement();
                        ResultSet rows = statement.executeQuery(
                                "select " + String.join(", ", selected) + " from " + table.getKey())) {
                    while (rows.next()) {
                        for (int each = 0; each < table.getValue().size(); each++) {
                            String[] column = table.getValue().get(each);
                            String place = column[0] + "." + column[1];
                            if (column[2].equals("bytea") || column[2].equals("oid")) {
                                values.add(new Value(place, rows.getBytes(each + 1)));
                            } else {
                                values.add(new Value(place, rows.getString(each + 1)));
                            }
                        }
                    }
                }
            }
            try (Statement statement = database.createStatement();
                    ResultSet objects = statement.executeQuery("select lo_get(oid) from pg_largeobject_metadata")) {
                while (objects.next()) {
                    values.add(new Value("pg_largeobject", objects.getBytes(1)));
                }
            }
            return new Scan(values);
        }

        /** For each token found, where: {@code table.column} of every value holding it. */
        Map<String, List<String>> places(Map<String, SealedToken> tokens) {
            Map<String, List<String>> places = new LinkedHashMap<>();
            for (Value value : values) {
                tokens.forEach((name, token) -> {
                    if (value.holds(token)) {
                        places.computeIfAbsent(name, any -> new ArrayList<>()).add(value.place);
                    }
                });
            }
            return places;
        }

        private static String quoted(String identifier) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int start = 0; start + needle.length <= haystack.length; start++) {
                for (int each = 0; each < needle.length; each++) {
                    if (haystack[start + each] != needle[each]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        private static Optional<byte[]> unzipped(byte[] bytes) {
            if (bytes.length < 2 || bytes[0] != (byte) 0x1f || bytes[1] != (byte) 0x8b) {
                return Optional.empty();
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("gzip magic, but not gzip", e);
            }
        }
    }
}
