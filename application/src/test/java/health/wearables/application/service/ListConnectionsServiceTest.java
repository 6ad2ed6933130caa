package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ACME_KEY;
import static health.wearables.application.service.Gateway.GLOBEX_KEY;
import static health.wearables.application.service.Gateway.key;
import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.StoredConnection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListConnectionsServiceTest {
    private final Gateway gateway = new Gateway();

    @BeforeEach
    void someConnectionsExist() {
        gateway.connected(key("acme", "123", "withings"));
        gateway.connected(key("acme", "123", "fitbit"));
        gateway.connected(key("acme", "456", "withings"));
        gateway.connected(key("globex", "123", "withings"));
    }

    private List<ConnectionKey> keys(String apiKey, Optional<String> patientId) {
        return ok(gateway.list.list(Optional.of(new ApiKey(apiKey)), patientId)).stream().map(StoredConnection::key).toList();
    }

    @Test
    void a_call_without_an_api_key_is_unauthorized() {
        assertThat(rejection(gateway.list.list(Optional.empty(), Optional.empty())).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    void a_call_with_an_unknown_api_key_is_unauthorized() {
        assertThat(rejection(gateway.list.list(Optional.of(new ApiKey("wrong-key")), Optional.of("123"))).code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
    }

    @Test
    void a_project_sees_only_its_own_connections() {
        assertThat(keys(ACME_KEY, Optional.empty())).containsExactlyInAnyOrder(
                key("acme", "123", "withings"), key("acme", "123", "fitbit"), key("acme", "456", "withings"));
        assertThat(keys(GLOBEX_KEY, Optional.empty())).containsExactly(key("globex", "123", "withings"));
    }

    @Test
    void the_patient_filter_narrows_to_that_patient_within_the_project() {
        assertThat(keys(ACME_KEY, Optional.of("123")))
                .containsExactlyInAnyOrder(key("acme", "123", "withings"), key("acme", "123", "fitbit"));
        assertThat(keys(GLOBEX_KEY, Optional.of("456"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12 3", "123&patientId=456", "p\u00E4tient"})
    void an_invalid_patient_id_fails_validation(String patientId) {
        assertThat(rejection(gateway.list.list(Optional.of(new ApiKey(ACME_KEY)), Optional.of(patientId))).code())
                .isEqualTo(RejectionCode.VALIDATION_FAILED);
    }

    @Test
    void the_api_key_is_checked_before_the_patient_id() {
        assertThat(rejection(gateway.list.list(Optional.empty(), Optional.of("12 3"))).code()).isEqualTo(RejectionCode.UNAUTHORIZED);
    }
}
