package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProjectId;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditAction;
import health.wearables.domain.audit.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AuditTrail} must do; run against the fake and the FHIR store. */
public abstract class AuditTrailContract {

    protected abstract AuditTrail trail();

    /** The actions written for the project, by their codes, in the order they were recorded. */
    protected abstract List<AuditAction> actionsOf(ProjectId project);

    /** The project of each record written with this API key id (empty: a record no project sees). */
    protected abstract List<Optional<ProjectId>> projectsOfKey(ApiKeyId key);

    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    private static ApiKeyId someKey() {
        return ApiKeyId.of(new ApiKey(Samples.unique("audit-key")));
    }

    @Test
    void every_action_of_a_project_is_written_and_read_back_as_the_projects() {
        ConnectionKey key = Samples.connectionKey();
        ApiKeyId by = someKey();

        trail().record(AuditRecord.connectStarted(key, by, now));
        trail().record(AuditRecord.connectRefused(
                key.project(),
                by,
                Optional.of(key.patient()),
                Optional.of(key.provider()),
                RejectionCode.VALIDATION_FAILED,
                now.plusSeconds(1)));
        trail().record(AuditRecord.callbackCompleted(key, Optional.of("42"), now.plusSeconds(2)));
        trail().record(AuditRecord.callbackRefused(
                Optional.of(key), RejectionCode.TOKEN_EXCHANGE_FAILED, now.plusSeconds(3)));
        trail().record(AuditRecord.tokenRefreshed(key, now.plusSeconds(4)));
        trail().record(AuditRecord.refreshRefused(key, now.plusSeconds(5)));
        trail().record(AuditRecord.syncRequested(key, by, "42", true, now.plusSeconds(6)));
        trail().record(AuditRecord.deauthorized(key, "42", now.plusSeconds(7)));
        trail().record(AuditRecord.revoked(key, by, Optional.empty(), "failed", now.plusSeconds(8)));

        assertThat(actionsOf(key.project()))
                .containsExactly(
                        AuditAction.CONNECT_STARTED,
                        AuditAction.CONNECT_REFUSED,
                        AuditAction.CALLBACK_COMPLETED,
                        AuditAction.CALLBACK_REFUSED,
                        AuditAction.TOKEN_REFRESHED,
                        AuditAction.REFRESH_REFUSED,
                        AuditAction.SYNC_REQUESTED,
                        AuditAction.DEAUTHORIZED,
                        AuditAction.REVOKED);
        assertThat(projectsOfKey(by)).hasSize(4).containsOnly(Optional.of(key.project()));
    }

    @Test
    void a_refused_key_is_written_for_no_project() {
        ApiKeyId presented = someKey();

        trail().record(AuditRecord.apiKeyRefused(Optional.of(presented), now));

        assertThat(projectsOfKey(presented)).containsExactly(Optional.empty());
    }

    @Test
    void one_projects_records_are_not_anothers() {
        ConnectionKey ours = Samples.connectionKey();
        ConnectionKey theirs = Samples.connectionKey();

        trail().record(AuditRecord.tokenRefreshed(ours, now));

        assertThat(actionsOf(theirs.project())).isEmpty();
        assertThat(actionsOf(ours.project())).containsExactly(AuditAction.TOKEN_REFRESHED);
    }

    @Test
    void a_callback_refused_before_its_state_was_verified_is_written_for_no_project() {
        assertThatCode(() ->
                        trail().record(AuditRecord.callbackRefused(Optional.empty(), RejectionCode.INVALID_STATE, now)))
                .doesNotThrowAnyException();
    }
}
