package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ACME_KEY;
import static health.wearables.application.service.Gateway.GLOBEX_KEY;
import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static health.wearables.application.service.Syncing.AMARA_OURA;
import static health.wearables.application.service.Syncing.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.in.RequestSync.Requested;
import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import health.wearables.domain.sync.JobId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/wearables/{provider}/connections/{patientId}/sync}: a job on the queue, or why not. */
class RequestSyncServiceTest {
    private final Syncing gateway = new Syncing();

    private Step<Requested> request(String apiKey, String provider, String patientId) {
        return gateway.request.request(Optional.ofNullable(apiKey).map(ApiKey::new), provider, patientId);
    }

    private static String answer(Step<Requested> step) {
        return ok(step).fold(
                        queued -> "queued:" + queued.jobId().value(),
                        notFound -> "CONNECTION_NOT_FOUND",
                        notActive ->
                                "CONNECTION_NOT_ACTIVE:" + notActive.status().label());
    }

    private StoredConnection amara() {
        return gateway.connections
                .list(AMARA_OURA.project(), Optional.of(AMARA_OURA.patient()))
                .get(0);
    }

    @Test
    void an_active_connection_gets_a_job_and_its_id_is_answered() {
        gateway.amaraConnected();

        String answer = answer(request(ACME_KEY, "oura", "amara"));

        SyncJob job = new SyncJob(AMARA_OURA, amara().endpointId(), NOW);
        assertThat(gateway.queue.jobs()).containsExactly(job);
        assertThat(answer).isEqualTo("queued:" + JobId.of(job).value());
    }

    @Test
    void a_connection_that_is_not_stored_is_not_found() {
        gateway.amaraConnected();

        assertThat(answer(request(ACME_KEY, "withings", "amara"))).isEqualTo("CONNECTION_NOT_FOUND");
        assertThat(answer(request(ACME_KEY, "oura", "someone-else"))).isEqualTo("CONNECTION_NOT_FOUND");
        assertThat(answer(request(ACME_KEY, "Not A Slug!", "amara"))).isEqualTo("CONNECTION_NOT_FOUND");
        assertThat(answer(request(ACME_KEY, "oura", "../amara"))).isEqualTo("CONNECTION_NOT_FOUND");
        assertThat(gateway.queue.jobs()).isEmpty();
    }

    @Test
    void another_project_s_connection_is_not_found() {
        gateway.amaraConnected();

        assertThat(answer(request(GLOBEX_KEY, "oura", "amara"))).isEqualTo("CONNECTION_NOT_FOUND");
        assertThat(gateway.queue.jobs()).isEmpty();
    }

    @Test
    void a_connection_that_is_not_active_is_answered_with_its_status() {
        gateway.amaraConnected();
        gateway.connections.markReauthRequired(gateway.stored(AMARA_OURA));
        assertThat(answer(request(ACME_KEY, "oura", "amara"))).isEqualTo("CONNECTION_NOT_ACTIVE:reauth_required");

        gateway.connections.revoke(AMARA_OURA);
        assertThat(answer(request(ACME_KEY, "oura", "amara"))).isEqualTo("CONNECTION_NOT_ACTIVE:revoked");
        assertThat(gateway.queue.jobs()).isEmpty();
    }

    @Test
    void without_a_valid_api_key_nothing_is_looked_up() {
        gateway.amaraConnected();

        assertThat(rejection(request(null, "oura", "amara")).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(rejection(request("wrong-key", "oura", "amara")).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(gateway.queue.jobs()).isEmpty();
    }

    @Test
    void a_store_or_queue_that_cannot_be_reached_is_let_through_as_unavailable() {
        gateway.amaraConnected();
        gateway.queue.setAvailable(false);
        assertThatThrownBy(() -> request(ACME_KEY, "oura", "amara")).isInstanceOf(Unavailable.SyncQueue.class);

        gateway.connections.setAvailable(false);
        assertThatThrownBy(() -> request(ACME_KEY, "oura", "amara")).isInstanceOf(Unavailable.ConnectionStore.class);
    }

    @Test
    void two_requests_a_moment_apart_are_two_jobs_with_two_ids() {
        gateway.amaraConnected();

        String first = answer(request(ACME_KEY, "oura", "amara"));
        gateway.clock.advance(java.time.Duration.ofMillis(1));
        String second = answer(request(ACME_KEY, "oura", "amara"));

        assertThat(first).isNotEqualTo(second);
        assertThat(gateway.queue.jobs()).hasSize(2);
        assertThat(gateway.status(AMARA_OURA)).isEqualTo(ConnectionStatus.ACTIVE);
    }
}
