package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.RequestSync;
import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.sync.JobId;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/wearables/{provider}/connections/{patientId}/sync}: a sync on demand. */
class SyncEndpointTest {
    private static final String PATH = "/v1/wearables/oura/connections/amara-1/sync";
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

    private static Answer post(String path) {
        return api.send("POST", path, null, "Authorization", "Bearer " + ApiServer.API_KEY);
    }

    @Test
    void a_queued_sync_is_202_with_its_job_id() {
        api.requestSync.answers(new RequestSync.Queued(new JobId("job-7f3a")));

        Answer answer = post(PATH);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.object().getString("jobId")).isEqualTo("job-7f3a");
        assertThat(answer.object()).hasSize(1);
        assertThat(api.requestSync.calls())
                .containsExactly(
                        new ScriptedRequestSync.Call(Optional.of(new ApiKey(ApiServer.API_KEY)), "oura", "amara-1"));
    }

    @Test
    void a_connection_the_project_does_not_have_is_404_connection_not_found_without_echo() {
        api.requestSync.answers(new RequestSync.ConnectionNotFound());

        Answer answer = post("/v1/wearables/oura/connections/%3Cscript%3Emallory/sync");

        answer.isError(404, "CONNECTION_NOT_FOUND");
        assertThat(answer.body()).doesNotContain("script").doesNotContain("mallory");
    }

    @Test
    void a_connection_that_is_not_active_is_409_connection_not_active_naming_its_status() {
        api.requestSync.answers(new RequestSync.ConnectionNotActive(ConnectionStatus.REAUTH_REQUIRED));

        Answer answer = post(PATH);

        answer.isError(409, "CONNECTION_NOT_ACTIVE");
        assertThat(answer.body()).contains("reauth_required");
    }

    @Test
    void without_a_valid_key_it_is_401() {
        api.requestSync.refuses(RejectionCode.UNAUTHORIZED);

        Answer answer = api.send("POST", PATH, null);

        answer.isError(401, "UNAUTHORIZED");
        assertThat(answer.header("WWW-Authenticate")).contains("Bearer realm=\"wearables\"");
        assertThat(api.requestSync.calls())
                .extracting(ScriptedRequestSync.Call::apiKey)
                .containsExactly(Optional.empty());
    }

    @Test
    void an_unreachable_queue_is_503_sync_queue_unavailable_without_its_text() {
        api.requestSync.fails(new Unavailable.SyncQueue("XADD failed: READONLY replica", new RuntimeException()));

        Answer answer = post(PATH);

        answer.isError(503, "SYNC_QUEUE_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).contains("5");
        assertThat(answer.body()).doesNotContain("READONLY");
    }

    @Test
    void an_unreachable_connection_store_is_503_connection_store_unavailable() {
        api.requestSync.fails(new Unavailable.ConnectionStore("select failed: 08006", new RuntimeException()));

        answerIs503(post(PATH));
    }

    private static void answerIs503(Answer answer) {
        answer.isError(503, "CONNECTION_STORE_UNAVAILABLE");
        assertThat(answer.body()).doesNotContain("08006");
    }

    @Test
    void only_post_is_allowed() {
        Answer answer = api.get(PATH, "Authorization", "Bearer " + ApiServer.API_KEY);

        assertThat(answer.status()).isEqualTo(405);
    }
}
