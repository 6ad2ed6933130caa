package health.wearables.domain;

import static health.wearables.domain.Fixtures.NOW;
import static health.wearables.domain.Fixtures.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PendingAuthorizationTest {
    private final PendingAuthorization pending = Fixtures.pending("withings", Optional.empty(), false);

    @Test
    void a_record_is_valid_until_just_before_its_expiry_and_expired_from_it_on() {
        assertThat(pending.isExpiredAt(NOW)).isFalse();
        assertThat(pending.isExpiredAt(NOW.plus(TTL).minusNanos(1))).isFalse();
        assertThat(pending.isExpiredAt(NOW.plus(TTL))).isTrue();
        assertThat(pending.isExpiredAt(NOW.plus(TTL).plusSeconds(1))).isTrue();
    }

    @Test
    void its_connection_key_is_project_patient_and_provider() {
        assertThat(pending.connectionKey().canonical()).isEqualTo("acme/123/withings");
    }
}
