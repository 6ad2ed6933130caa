package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.ListedConnection;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.SyncStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/wearables/connections}: a project's connections, never a token. */
class ConnectionsEndpointTest {
    private static final ListedConnection ACTIVE = new ListedConnection(
            new ConnectionKey(new ProjectId("acme"), new PatientId("p-1"), new ProviderSlug("withings")),
            Optional.of("1000"),
            ConnectionStatus.ACTIVE,
            Instant.parse("2026-11-20T09:00:00Z"),
            Optional.of(Instant.parse("2026-11-20T12:00:00Z")),
            List.of("user.metrics", "user.activity"),
            Optional.of(Instant.parse("2026-11-20T10:15:00Z")),
            SyncStatus.OK);
    private static final ListedConnection PENDING = new ListedConnection(
            new ConnectionKey(new ProjectId("acme"), new PatientId("p-1"), new ProviderSlug("oura")),
            Optional.empty(),
            ConnectionStatus.PENDING,
            Instant.parse("2026-11-21T09:00:00Z"),
            Optional.empty(),
            List.of());

    private static ApiServer api;

    @BeforeAll
    static void start() {
        api = ApiServer.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
    }

    @Test
    void lists_each_connection_with_its_status_and_endpoint() {
        api.listConnections.lists(true, ACTIVE, PENDING);

        Answer answer =
                api.get("/v1/wearables/connections?patientId=p-1", "Authorization", "Bearer " + ApiServer.API_KEY);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.array()).hasSize(2);
        JsonObject active = answer.array().getJsonObject(0);
        assertThat(active.getString("provider")).isEqualTo("withings");
        assertThat(active.getString("patientId")).isEqualTo("p-1");
        assertThat(active.getString("status")).isEqualTo("active");
        assertThat(active.getString("connectedAt")).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(active.getString("accessTokenExpiresAt")).isEqualTo("2026-11-20T12:00:00Z");
        assertThat(active.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("user.metrics", "user.activity");
        assertThat(active.getString("endpointId")).isEqualTo("1000");
        assertThat(active.getString("lastSyncedAt")).isEqualTo("2026-11-20T10:15:00Z");
        assertThat(active.getString("syncStatus")).isEqualTo("ok");
        JsonObject pending = answer.array().getJsonObject(1);
        assertThat(pending.getString("status")).isEqualTo("pending");
        assertThat(pending.get("endpointId")).isIn(null, JsonValue.NULL);
        assertThat(pending.get("accessTokenExpiresAt")).isIn(null, JsonValue.NULL);
        assertThat(pending.get("lastSyncedAt")).isEqualTo(JsonValue.NULL);
        assertThat(pending.getString("syncStatus")).isEqualTo("never");
        assertThat(answer.header(ConnectionsResource.INCOMPLETE)).isEmpty();
    }

    @Test
    void the_use_case_gets_the_key_and_the_patient() {
        api.get("/v1/wearables/connections?patientId=p-1", "Authorization", "Bearer " + ApiServer.API_KEY);
        api.get("/v1/wearables/connections", "Authorization", "Bearer " + ApiServer.API_KEY);

        assertThat(api.listConnections.calls())
                .containsExactly(
                        new ScriptedListConnections.Call(
                                Optional.of(new ApiKey(ApiServer.API_KEY)), Optional.of("p-1")),
                        new ScriptedListConnections.Call(Optional.of(new ApiKey(ApiServer.API_KEY)), Optional.empty()));
    }

    @Test
    void a_listing_one_store_could_not_complete_says_so_in_a_header() {
        api.listConnections.lists(false, PENDING);

        Answer answer = api.get("/v1/wearables/connections", "Authorization", "Bearer " + ApiServer.API_KEY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Listing-Incomplete")).contains("true");
    }

    @Test
    void an_empty_listing_is_an_empty_array() {
        Answer answer = api.get("/v1/wearables/connections", "Authorization", "Bearer " + ApiServer.API_KEY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.array()).isEmpty();
    }

    @Test
    void without_a_valid_key_it_is_401() {
        api.listConnections.refuses(RejectionCode.UNAUTHORIZED);

        Answer answer = api.get("/v1/wearables/connections?patientId=p-1");

        answer.isError(401, "UNAUTHORIZED");
        assertThat(answer.header("WWW-Authenticate")).contains("Bearer realm=\"wearables\"");
        assertThat(api.listConnections.calls())
                .extracting(ScriptedListConnections.Call::apiKey)
                .containsExactly(Optional.empty());
    }

    @Test
    void with_both_stores_unreadable_it_is_503_with_retry_after() {
        api.listConnections.fails(new Unavailable.ConnectionStore("select failed: 08006", new RuntimeException()));

        Answer answer = api.get("/v1/wearables/connections", "Authorization", "Bearer " + ApiServer.API_KEY);

        answer.isError(503, "CONNECTION_STORE_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).contains("5");
        assertThat(answer.body()).doesNotContain("08006");
    }
}
