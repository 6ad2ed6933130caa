package health.wearables.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Hashing;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RejectionCode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditRecordTest {
    private static final Instant AT = Instant.parse("2026-11-02T07:30:00.123456Z");
    private static final ConnectionKey KEY =
            new ConnectionKey(new ProjectId("acme"), new PatientId("amara-1"), new ProviderSlug("fitbit"));
    private static final ApiKey API_KEY = new ApiKey("acme-live-key-0123456789abcdef");

    @Test
    void an_api_key_id_is_the_start_of_the_keys_sha256_and_not_the_key() {
        ApiKeyId id = ApiKeyId.of(API_KEY);

        assertThat(id.value())
                .hasSize(12)
                .isEqualTo(Hashing.sha256Hex(API_KEY.value()).substring(0, 12));
        assertThat(API_KEY.value()).doesNotContain(id.value());
        assertThat(ApiKeyId.of(new ApiKey("another-key"))).isNotEqualTo(id);
    }

    @Test
    void no_record_holds_the_key() {
        AuditRecord record = AuditRecord.revoked(KEY, ApiKeyId.of(API_KEY), Optional.of("42"), "revoked", AT);

        assertThat(record.toString()).doesNotContain(API_KEY.value());
        assertThat(record.apiKeyId()).contains(ApiKeyId.of(API_KEY));
    }

    @Test
    void a_refused_key_names_no_project() {
        AuditRecord unknown = AuditRecord.apiKeyRefused(Optional.of(ApiKeyId.of(API_KEY)), AT);
        AuditRecord missing = AuditRecord.apiKeyRefused(Optional.empty(), AT);

        assertThat(unknown.project()).isEmpty();
        assertThat(unknown.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(unknown.detail()).isEqualTo("unknown-key");
        assertThat(missing.apiKeyId()).isEmpty();
        assertThat(missing.detail()).isEqualTo("missing-key");
    }

    @Test
    void every_other_action_but_a_refused_callback_is_a_projects() {
        assertThatThrownBy(() -> new AuditRecord(
                        AuditAction.TOKEN_REFRESHED,
                        AuditOutcome.SUCCESS,
                        AT,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "refreshed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditRecord.callbackRefused(Optional.empty(), RejectionCode.INVALID_STATE, AT)
                        .project())
                .isEmpty();
    }

    @Test
    void a_detail_is_a_code_of_the_gateway_never_free_text() {
        assertThatThrownBy(() -> new AuditRecord(
                        AuditAction.CALLBACK_REFUSED,
                        AuditOutcome.REFUSED,
                        AT,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "the provider said: invalid_grant code=abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("invalid_grant");
        assertThat(AuditRecord.callbackRefused(Optional.of(KEY), RejectionCode.TOKEN_EXCHANGE_FAILED, AT)
                        .detail())
                .isEqualTo("token_exchange_failed");
    }

    @Test
    void a_failed_revocation_is_a_failure_the_others_a_success() {
        ApiKeyId by = ApiKeyId.of(API_KEY);

        assertThat(AuditRecord.revoked(KEY, by, Optional.empty(), "failed", AT).outcome())
                .isEqualTo(AuditOutcome.FAILED);
        assertThat(AuditRecord.revoked(KEY, by, Optional.empty(), "not_offered", AT)
                        .outcome())
                .isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void the_time_is_kept_to_the_millisecond() {
        assertThat(AuditRecord.tokenRefreshed(KEY, AT).recorded()).isEqualTo(Instant.parse("2026-11-02T07:30:00.123Z"));
    }
}
