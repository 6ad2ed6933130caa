package health.wearables.application.service;

import static health.wearables.application.service.Gateway.ACME_KEY;
import static health.wearables.application.service.Gateway.GLOBEX_KEY;
import static health.wearables.application.service.Gateway.ok;
import static health.wearables.application.service.Gateway.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ApiKey;
import health.wearables.domain.ProjectId;
import health.wearables.domain.RejectionCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateProjectServiceTest {
    private final Gateway gateway = new Gateway();
    private final AuthenticateProjectService authenticate =
            new AuthenticateProjectService(gateway.projects, gateway.clock, gateway.audits);

    @Test
    void the_api_key_names_its_own_project() {
        assertThat(ok(authenticate.authenticate(Optional.of(new ApiKey(ACME_KEY)))))
                .isEqualTo(new ProjectId("acme"));
        assertThat(ok(authenticate.authenticate(Optional.of(new ApiKey(GLOBEX_KEY)))))
                .isEqualTo(new ProjectId("globex"));
    }

    @Test
    void no_key_or_an_unknown_key_is_unauthorized() {
        assertThat(rejection(authenticate.authenticate(Optional.empty())).code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(rejection(authenticate.authenticate(Optional.of(new ApiKey("acme-live-key-7f3a9d"))))
                        .code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
    }
}
