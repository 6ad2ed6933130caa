package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.application.port.out.Samples;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PendingAuthorizationJsonTest {

    @Test
    void a_full_record_reads_back_equal() throws Exception {
        PendingAuthorization pending = Samples.pending(Instant.parse("2026-03-04T05:06:07.089Z"));

        assertThat(PendingAuthorizationJson.read(PendingAuthorizationJson.write(pending)))
                .isEqualTo(pending);
    }

    @Test
    void a_record_without_return_url_or_verifier_stores_nulls_and_reads_back_equal() throws Exception {
        PendingAuthorization pending = new PendingAuthorization(
                new ProjectId("acme"),
                new PatientId("p-1"),
                new ProviderSlug("fitbit"),
                Optional.empty(),
                false,
                Optional.empty(),
                Instant.ofEpochMilli(1_767_225_600_000L));

        String document = PendingAuthorizationJson.write(pending);

        assertThat(document)
                .isEqualTo(
                        "{\"v\":1,\"project\":\"acme\",\"patient\":\"p-1\",\"provider\":\"fitbit\","
                                + "\"returnUrl\":null,\"redirectOnError\":false,\"pkceVerifier\":null,\"expiresAt\":1767225600000}");
        assertThat(PendingAuthorizationJson.read(document)).isEqualTo(pending);
    }

    @Test
    void an_oauth1_record_is_version_2_with_its_temporary_secret_and_reads_back_equal() throws Exception {
        PendingAuthorization pending = Samples.pendingOauth1(Instant.parse("2026-03-04T05:06:07.089Z"));

        String document = PendingAuthorizationJson.write(pending);

        assertThat(document).startsWith("{\"v\":2,").contains("\"temporarySecret\":\"temporary-secret-");
        assertThat(PendingAuthorizationJson.read(document)).isEqualTo(pending);
    }

    @Test
    void a_record_of_the_connect_page_says_so_and_reads_back_equal() throws Exception {
        PendingAuthorization pending = new PendingAuthorization(
                new ProjectId("acme"),
                new PatientId("p-1"),
                new ProviderSlug("fitbit"),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                Instant.ofEpochMilli(1_767_225_600_000L),
                true);

        String document = PendingAuthorizationJson.write(pending);

        assertThat(document).startsWith("{\"v\":1,").endsWith(",\"expiresAt\":1767225600000,\"connectPage\":true}");
        assertThat(PendingAuthorizationJson.read(document)).isEqualTo(pending);
        assertThatThrownBy(() -> PendingAuthorizationJson.read(document.replace("true}", "\"yes\"}")))
                .as("a connectPage that is not a boolean")
                .isInstanceOf(StoredJson.Unreadable.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{\"v\":2,\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\",\"redirectOnError\":true,\"expiresAt\":1,"
                        + "\"temporarySecret\":\"has space\"}",
                "not json",
                "[1,2]",
                "{\"project\":\"acme\"}",
                "{\"v\":2,\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\",\"redirectOnError\":true,\"expiresAt\":1}",
                "{\"v\":1,\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\",\"redirectOnError\":\"yes\",\"expiresAt\":1}",
                "{\"v\":1,\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\",\"redirectOnError\":true,\"expiresAt\":\"1\"}",
                "{\"v\":1,\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\",\"redirectOnError\":true,\"expiresAt\":1.5}",
                "{\"v\":1,\"project\":\"ACME!\",\"patient\":\"p\",\"provider\":\"fitbit\",\"redirectOnError\":true,\"expiresAt\":1}",
                "{\"v\":1,\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\",\"redirectOnError\":true,\"expiresAt\":1,"
                        + "\"pkceVerifier\":\"short-secret-value\"}",
                "{\"v\":1,\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\",\"redirectOnError\":true,\"expiresAt\":1,"
                        + "\"returnUrl\":\"http://evil.example.com/\"}",
            })
    void anything_else_is_unreadable_and_the_reason_does_not_quote_it(String text) {
        assertThatThrownBy(() -> PendingAuthorizationJson.read(text))
                .isInstanceOf(StoredJson.Unreadable.class)
                .satisfies(failure -> assertThat(failure.getMessage())
                        .doesNotContain("short-secret-value")
                        .doesNotContain("ACME!")
                        .doesNotContain("evil"));
    }
}
