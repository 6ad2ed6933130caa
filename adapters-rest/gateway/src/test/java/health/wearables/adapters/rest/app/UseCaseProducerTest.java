package health.wearables.adapters.rest.app;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.in.api.CallbackResource;
import health.wearables.domain.ProviderSlug;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults of the keys the use cases are made with, written once in the producer, are the ones API.md gives. */
class UseCaseProducerTest {

    @Test
    void the_public_base_url_defaults_to_localhost_9080() {
        assertThat(UseCaseProducer.PUBLIC_BASE_URL).isEqualTo("wearables.public-base-url");
        PublicCallbackUris byDefault =
                new PublicCallbackUris(URI.create(UseCaseProducer.DEFAULT_PUBLIC_BASE_URL), CallbackResource.OVOK_PATH);
        assertThat(byDefault.callbackFor(new ProviderSlug("withings")))
                .isEqualTo(URI.create("http://localhost:9080/v1/wearables/withings/callback"));
    }

    @Test
    void a_state_lives_600_seconds_by_default() {
        assertThat(UseCaseProducer.STATE_TTL).isEqualTo("wearables.state.ttl");
        assertThat(Duration.ofSeconds(Long.parseLong(UseCaseProducer.DEFAULT_STATE_TTL_SECONDS)))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void held_credentials_wait_7_days_by_default() {
        assertThat(UseCaseProducer.INBOX_TTL).isEqualTo("wearables.inbox.ttl");
        assertThat(Duration.ofSeconds(Long.parseLong(UseCaseProducer.DEFAULT_INBOX_TTL_SECONDS)))
                .isEqualTo(Duration.ofDays(7));
    }
}
