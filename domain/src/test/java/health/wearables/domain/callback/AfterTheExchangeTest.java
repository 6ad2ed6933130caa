package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.Fixtures;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.SyncJob;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** States 4 → 5 → 6: stored (or held for a retry), then the initial sync queued, then the answer. */
class AfterTheExchangeTest {
    private final TokensObtained obtained = new TokensObtained(
            Fixtures.pending("withings", Optional.of(Fixtures.DONE), false),
            Fixtures.tokens("access-secret-1", Optional.of("refresh-secret-1")));

    private static StoredConnection storedAs(ConnectionKey key) {
        return new StoredConnection(
                key, "endpoint-7", ConnectionStatus.ACTIVE, NOW, Optional.empty(), List.of("activity"));
    }

    @Test
    void the_connection_stored_for_this_key_moves_the_flow_on() {
        Persisted persisted = obtained.persisted(storedAs(obtained.key()));

        assertThat(persisted.connection().endpointId()).isEqualTo("endpoint-7");
        assertThat(persisted.pending()).isEqualTo(obtained.pending());
    }

    @Test
    void a_store_answering_for_another_connection_is_a_fault_not_a_success() {
        ConnectionKey other = new ConnectionKey(
                obtained.key().project(), new PatientId("456"), obtained.key().provider());

        assertThatIllegalStateException().isThrownBy(() -> obtained.persisted(storedAs(other)));
    }

    @Test
    void the_sync_job_names_the_stored_connection_and_the_time_it_was_asked_for() {
        Persisted persisted = obtained.persisted(storedAs(obtained.key()));

        assertThat(persisted.syncJob(NOW.plusSeconds(2)))
                .isEqualTo(new SyncJob(obtained.key(), "endpoint-7", NOW.plusSeconds(2)));
    }

    @Test
    void once_queued_the_answer_is_the_connected_answer_for_the_project_as_configured_now() {
        SyncQueued queued = obtained.persisted(storedAs(obtained.key())).syncQueued();

        assertThat(queued.answer(Optional.of(Fixtures.project(Fixtures.DASHBOARD))))
                .isEqualTo(CallbackAnswer.connected(
                        obtained.pending(), Optional.of(Fixtures.project(Fixtures.DASHBOARD))));
        assertThat(queued.answer(Optional.empty()))
                .isEqualTo(new CallbackAnswer(
                        new CallbackAnswer.Connected(new ProviderSlug("withings"), new PatientId("123")),
                        Optional.empty()));
    }

    @Test
    void once_queued_the_flow_is_concluded_as_connected() {
        Concluded concluded =
                obtained.persisted(storedAs(obtained.key())).<Concluded>fold(Persisted::syncQueued, held -> held);

        assertThat(concluded).isInstanceOf(SyncQueued.class);
        assertThat(concluded.answer(Optional.empty()))
                .isEqualTo(new CallbackAnswer(
                        new CallbackAnswer.Connected(new ProviderSlug("withings"), new PatientId("123")),
                        Optional.empty()));
    }

    @Test
    void tokens_held_for_a_retry_conclude_the_flow_as_pending_without_a_sync() {
        Kept kept = obtained.heldForRetry();

        Concluded concluded = kept.<Concluded>fold(Persisted::syncQueued, held -> held);

        assertThat(concluded).isEqualTo(new HeldForRetry(obtained.pending()));
        assertThat(concluded.answer(Optional.of(Fixtures.project(Fixtures.DASHBOARD))))
                .isEqualTo(
                        CallbackAnswer.pending(obtained.pending(), Optional.of(Fixtures.project(Fixtures.DASHBOARD))));
        CallbackAnswer answer = concluded.answer(Optional.of(Fixtures.project(Fixtures.DASHBOARD)));
        assertThat(answer.outcome())
                .isEqualTo(new CallbackAnswer.Pending(new ProviderSlug("withings"), new PatientId("123")));
        assertThat(answer.redirect())
                .hasValueSatisfying(location -> assertThat(location)
                        .hasToString(Fixtures.DONE + "?status=pending&provider=withings&patientId=123"));
    }

    @Test
    void tokens_in_hand_do_not_print() {
        assertThat(obtained.toString()).isEqualTo("TokensObtained[acme/123/withings]");
    }
}
