package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ACME_KEY;
import static health.wearables.application.service.Gateway.CODE;
import static health.wearables.application.service.Gateway.DONE;
import static health.wearables.application.service.Gateway.GLOBEX_KEY;
import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import health.wearables.application.port.in.RequestSync;
import health.wearables.application.port.out.InMemoryAuditTrail;
import health.wearables.application.port.out.InMemoryPendingRevocations;
import health.wearables.application.port.out.ProviderNotifications;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.StateToken;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditAction;
import health.wearables.domain.audit.AuditOutcome;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.callback.ExchangeResult;
import health.wearables.domain.lifecycle.RevocationOutcome;
import health.wearables.domain.notify.InboundNotification;
import health.wearables.domain.notify.Notice;
import health.wearables.domain.notify.NotificationVerdict;
import health.wearables.domain.refresh.Renewal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which use case writes which audit record, that none holds a secret, and that a trail that fails costs nothing. */
class AuditedUseCasesTest {
    private static final ProjectId ACME = new ProjectId("acme");
    private static final ApiKeyId ACME_KEY_ID = ApiKeyId.of(new ApiKey(ACME_KEY));
    private static final ConnectionKey ACME_123_WITHINGS = Gateway.key("acme", "123", "withings");

    private static void holdsNoSecret(InMemoryAuditTrail trail, String... secrets) {
        assertThat(trail.records()).isNotEmpty();
        for (AuditRecord record : trail.records()) {
            List<String> fields = new ArrayList<>(List.of(record.toString(), record.detail()));
            record.apiKeyId().map(ApiKeyId::value).ifPresent(fields::add);
            record.endpointId().ifPresent(fields::add);
            for (String field : fields) {
                for (String secret : secrets) {
                    assertThat(field).as(record.action() + " holds no secret").doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void a_connect_is_audited_started_with_the_key_id_and_a_refused_one_with_its_code() {
        Gateway gateway = new Gateway();

        StateToken state = gateway.startedFor("withings", DONE, false);
        rejection(gateway.connect("nosuch", "123", DONE, false));

        assertThat(gateway.audits.records())
                .extracting(
                        AuditRecord::action,
                        AuditRecord::outcome,
                        AuditRecord::project,
                        AuditRecord::apiKeyId,
                        AuditRecord::patient,
                        AuditRecord::detail)
                .containsExactly(
                        tuple(
                                AuditAction.CONNECT_STARTED,
                                AuditOutcome.SUCCESS,
                                Optional.of(ACME),
                                Optional.of(ACME_KEY_ID),
                                Optional.of(new PatientId("123")),
                                "state-issued"),
                        tuple(
                                AuditAction.CONNECT_REFUSED,
                                AuditOutcome.REFUSED,
                                Optional.of(ACME),
                                Optional.of(ACME_KEY_ID),
                                Optional.of(new PatientId("123")),
                                "unknown_provider"));
        assertThat(gateway.audits.records().get(0).provider()).contains(new ProviderSlug("withings"));
        holdsNoSecret(gateway.audits, ACME_KEY, state.value());
    }

    @Test
    void a_key_that_matches_no_project_is_audited_with_its_id_and_no_project_and_a_missing_key_without_an_id() {
        Gateway gateway = new Gateway();

        rejection(gateway.start.start(
                Optional.of(new ApiKey("not-a-key-of-anyone")),
                "withings",
                new health.wearables.application.port.in.StartConnection.ConnectCommand("123", DONE, false)));
        rejection(gateway.list.list(Optional.empty(), Optional.empty()));

        assertThat(gateway.audits.records())
                .extracting(AuditRecord::action, AuditRecord::project, AuditRecord::apiKeyId, AuditRecord::detail)
                .containsExactly(
                        tuple(
                                AuditAction.API_KEY_REFUSED,
                                Optional.empty(),
                                Optional.of(ApiKeyId.of(new ApiKey("not-a-key-of-anyone"))),
                                "unknown-key"),
                        tuple(AuditAction.API_KEY_REFUSED, Optional.empty(), Optional.empty(), "missing-key"));
        holdsNoSecret(gateway.audits, "not-a-key-of-anyone");
    }

    @Test
    void a_callback_is_audited_completed_with_its_endpoint_in_one_record() {
        Gateway gateway = new Gateway();
        StateToken state = gateway.startedFor("withings", DONE, false);

        gateway.approves("withings", state);

        AuditRecord completed = gateway.audits.records().get(1);
        assertThat(gateway.audits.actions())
                .containsExactly(AuditAction.CONNECT_STARTED, AuditAction.CALLBACK_COMPLETED);
        assertThat(completed.project()).contains(ACME);
        assertThat(completed.patient()).contains(new PatientId("123"));
        assertThat(completed.endpointId()).isPresent();
        assertThat(completed.apiKeyId())
                .as("the patient's browser carries no key")
                .isEmpty();
        assertThat(completed.detail()).isEqualTo("connected");
        holdsNoSecret(gateway.audits, ACME_KEY, state.value(), CODE, Gateway.ACCESS, Gateway.REFRESH);
    }

    @Test
    void a_callback_whose_store_failed_is_audited_completed_and_pending() {
        Gateway gateway = new Gateway();
        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.connections.setAvailable(false);

        gateway.approves("withings", state);

        AuditRecord pending = gateway.audits.records().get(1);
        assertThat(pending.action()).isEqualTo(AuditAction.CALLBACK_COMPLETED);
        assertThat(pending.detail()).isEqualTo("pending");
        assertThat(pending.endpointId()).isEmpty();
    }

    @Test
    void a_refused_callback_is_audited_with_its_code_for_the_project_only_once_the_state_was_verified() {
        Gateway gateway = new Gateway();
        StateToken state = gateway.startedFor("withings", DONE, false);

        gateway.returns("withings", "state", "A".repeat(state.value().length()), "code", CODE);
        gateway.returns(
                "withings",
                "state",
                state.value(),
                "error",
                "access_denied",
                "error_description",
                "The user said no, secret-ish text");

        List<AuditRecord> refused = gateway.audits.records().subList(1, 3);
        assertThat(refused)
                .extracting(AuditRecord::action, AuditRecord::project, AuditRecord::detail)
                .containsExactly(
                        tuple(AuditAction.CALLBACK_REFUSED, Optional.empty(), "invalid_state"),
                        tuple(AuditAction.CALLBACK_REFUSED, Optional.of(ACME), "provider_error"));
        holdsNoSecret(gateway.audits, state.value(), CODE, "The user said no", "access_denied");
    }

    @Test
    void a_refresh_is_audited_refreshed_and_a_refused_one_refused() {
        Syncing refreshed = new Syncing();
        Renewal renewal = refreshed.refresh.refresh(refreshed.amaraExpiring());
        Syncing refused = new Syncing();
        refused.tokenEndpoint.answerWith(new ExchangeResult.Refused("invalid_grant"));
        refused.refresh.refresh(refused.amaraExpiring());

        assertThat(renewal.toString()).isNotEmpty();
        assertThat(refreshed.audits.records())
                .extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::project)
                .containsExactly(tuple(AuditAction.TOKEN_REFRESHED, AuditOutcome.SUCCESS, Optional.of(ACME)));
        assertThat(refused.audits.records())
                .extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::detail)
                .containsExactly(tuple(AuditAction.REFRESH_REFUSED, AuditOutcome.REFUSED, "reauth-required"));
        holdsNoSecret(refreshed.audits, "refresh-0", "access-0", refreshed.storedRefresh(Syncing.AMARA_OURA));
        holdsNoSecret(refused.audits, "refresh-0", "access-0", "invalid_grant");
    }

    private static DisconnectConnectionService disconnecting(Syncing gateway, RevocationOutcome answer) {
        return new DisconnectConnectionService(
                gateway.projects,
                gateway.connections,
                gateway.connections,
                new InMemoryPendingRevocations(),
                new RevocationSettings(
                        new ScriptedRevocations().answering(answer),
                        gateway.providers,
                        gateway.cipher,
                        RevocationSettings.DEFAULT_RETRY_FOR,
                        gateway.tokenEndpoint),
                gateway.clock,
                Events.discarded(),
                gateway.audits);
    }

    @Test
    void a_disconnect_is_audited_revoked_with_what_the_revocation_came_to_and_a_second_one_not_at_all() {
        Syncing gateway = new Syncing();
        gateway.amaraConnected();
        DisconnectConnectionService disconnect =
                disconnecting(gateway, new RevocationOutcome.Failed("status 503", true));

        disconnect.disconnect(Optional.of(new ApiKey(ACME_KEY)), "oura", "amara", false);
        disconnect.disconnect(Optional.of(new ApiKey(ACME_KEY)), "oura", "amara", false);

        assertThat(gateway.audits.records())
                .extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::apiKeyId, AuditRecord::detail)
                .containsExactly(tuple(AuditAction.REVOKED, AuditOutcome.FAILED, Optional.of(ACME_KEY_ID), "failed"));
        holdsNoSecret(gateway.audits, ACME_KEY, "refresh-0", "access-0", "status 503");
    }

    @Test
    void a_disconnect_the_provider_confirmed_is_audited_revoked() {
        Syncing gateway = new Syncing();
        gateway.amaraConnected();

        disconnecting(gateway, new RevocationOutcome.Revoked())
                .disconnect(Optional.of(new ApiKey(ACME_KEY)), "oura", "amara", false);

        assertThat(gateway.audits.records())
                .extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::detail, AuditRecord::endpointId)
                .containsExactly(tuple(
                        AuditAction.REVOKED,
                        AuditOutcome.SUCCESS,
                        "revoked",
                        Optional.of(gateway.connections
                                .list(Syncing.AMARA_OURA.project(), Optional.empty())
                                .get(0)
                                .endpointId())));
    }

    @Test
    void a_deauthorization_is_audited_for_each_connection_it_ended_with_its_endpoint() {
        Syncing gateway = new Syncing();
        gateway.amaraConnected();
        NotificationVerdict deauthorized =
                new NotificationVerdict.Accepted(List.of(new Notice.Deauthorized("oura-user-1")));
        ProviderNotifications provider = (slug, notification) -> Optional.of(deauthorized);
        ReceiveNotificationService receive = new ReceiveNotificationService(
                provider,
                gateway.connections,
                gateway.queue,
                gateway.clock,
                Events.discarded(),
                gateway.audits,
                new health.wearables.application.port.out.InMemorySeenNotifications(gateway.clock::instant));
        InboundNotification posted =
                new InboundNotification("POST", Map.of(), Map.of(), "{}".getBytes(StandardCharsets.UTF_8), Syncing.NOW);

        receive.receive("oura", posted);
        receive.receive("oura", posted);

        assertThat(gateway.audits.records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo(AuditAction.DEAUTHORIZED);
            assertThat(record.project()).contains(ACME);
            assertThat(record.endpointId()).isPresent();
            assertThat(record.apiKeyId())
                    .as("the provider's call carries no project key")
                    .isEmpty();
        });
    }

    @Test
    void an_on_demand_sync_is_audited_queued_and_one_of_no_connection_not_found() {
        Syncing gateway = new Syncing();
        gateway.amaraConnected();

        RequestSync.Requested queued = ok(gateway.request.request(Optional.of(new ApiKey(ACME_KEY)), "oura", "amara"));
        ok(gateway.request.request(Optional.of(new ApiKey(ACME_KEY)), "oura", "nobody"));

        assertThat(queued).isInstanceOf(RequestSync.Queued.class);
        assertThat(gateway.audits.records())
                .extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::patient, AuditRecord::detail)
                .containsExactly(
                        tuple(
                                AuditAction.SYNC_REQUESTED,
                                AuditOutcome.SUCCESS,
                                Optional.of(new PatientId("amara")),
                                "queued"),
                        tuple(AuditAction.SYNC_REQUESTED, AuditOutcome.REFUSED, Optional.empty(), "not-found"));
        holdsNoSecret(gateway.audits, ACME_KEY);
    }

    @Test
    void a_trail_that_cannot_be_written_fails_no_operation() {
        Gateway gateway = new Gateway();
        gateway.audits.unavailable();

        StateToken state = gateway.startedFor("withings", DONE, false);
        gateway.approves("withings", state);
        RejectionCode refused = rejection(gateway.list.list(Optional.of(new ApiKey("nope")), Optional.empty()))
                .code();

        assertThat(gateway.connections.find(ACME_123_WITHINGS)).isPresent();
        assertThat(refused).isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(ok(gateway.list.list(Optional.of(new ApiKey(GLOBEX_KEY)), Optional.empty()))
                        .connections())
                .isEmpty();
        assertThat(gateway.audits.records()).isEmpty();
    }
}
