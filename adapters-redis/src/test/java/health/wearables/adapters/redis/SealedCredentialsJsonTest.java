package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.wearables.application.port.out.CredentialInboxContract;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealedCredentialsJsonTest {
    private static final ConnectionKey KEY =
            new ConnectionKey(new ProjectId("acme"), new PatientId("p-1"), new ProviderSlug("withings"));

    @Test
    void full_credentials_read_back_equal() throws Exception {
        SealedCredentials credentials =
                CredentialInboxContract.credentials(Samples.connectionKey(), Instant.parse("2026-03-04T05:06:07.089Z"));

        assertThat(SealedCredentialsJson.read(SealedCredentialsJson.write(credentials)))
                .isEqualTo(credentials);
    }

    @Test
    void the_document_is_versioned_holds_ciphertext_only_and_nulls_for_what_is_absent() throws Exception {
        SealedCredentials credentials = new SealedCredentials(
                KEY,
                new SealedToken(new byte[] {1, 2, (byte) 0xff}, 4_294_967_295L),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of("activity", "sleep"),
                Optional.empty(),
                Instant.ofEpochMilli(1_767_225_600_000L));

        String document = SealedCredentialsJson.write(credentials);

        assertThat(document)
                .isEqualTo("{\"v\":1,\"key\":{\"project\":\"acme\",\"patient\":\"p-1\",\"provider\":\"withings\"},"
                        + "\"accessToken\":{\"keyId\":4294967295,\"ciphertext\":\"AQL/\"},\"refreshToken\":null,\"tokenSecret\":null,"
                        + "\"accessTokenExpiresAt\":null,\"scopes\":[\"activity\",\"sleep\"],\"providerUserId\":null,"
                        + "\"connectedAt\":1767225600000}");
        assertThat(SealedCredentialsJson.read(document)).isEqualTo(credentials);
    }

    /**
     * The guard for a new component of {@link SealedCredentials} (such as the OAuth 1.0a token secret): the document
     * must then carry it too, or this fails.
     */
    @Test
    void the_document_has_one_field_per_component_of_the_record_in_its_order() throws Exception {
        SealedCredentials credentials = CredentialInboxContract.credentials(Samples.connectionKey(), Instant.now());
        JsonNode document = new ObjectMapper().readTree(SealedCredentialsJson.write(credentials));
        List<String> fields = new ArrayList<>();
        document.fieldNames().forEachRemaining(fields::add);

        assertThat(fields)
                .containsExactlyElementsOf(concat(
                        "v",
                        Arrays.stream(SealedCredentials.class.getRecordComponents())
                                .map(RecordComponent::getName)
                                .toList()));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[1]",
                "{\"v\":2}",
                "{\"v\":1,\"key\":{\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\"}}",
                "{\"v\":1,\"key\":{\"project\":\"ACME!\",\"patient\":\"p\",\"provider\":\"fitbit\"},\"accessToken\":{\"keyId\":1,"
                        + "\"ciphertext\":\"AQ==\"},\"refreshToken\":null,\"accessTokenExpiresAt\":null,\"scopes\":[],"
                        + "\"providerUserId\":null,\"connectedAt\":1}",
                "{\"v\":1,\"key\":{\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\"},\"accessToken\":{\"keyId\":1,"
                        + "\"ciphertext\":\"secret-looking value!\"},\"refreshToken\":null,\"accessTokenExpiresAt\":null,"
                        + "\"scopes\":[],\"providerUserId\":null,\"connectedAt\":1}",
                "{\"v\":1,\"key\":{\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\"},\"accessToken\":{\"keyId\":\"1\","
                        + "\"ciphertext\":\"AQ==\"},\"refreshToken\":null,\"accessTokenExpiresAt\":null,\"scopes\":[],"
                        + "\"providerUserId\":null,\"connectedAt\":1}",
                "{\"v\":1,\"key\":{\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\"},\"accessToken\":{\"keyId\":1,"
                        + "\"ciphertext\":\"AQ==\"},\"refreshToken\":null,\"accessTokenExpiresAt\":null,\"scopes\":[7],"
                        + "\"providerUserId\":null,\"connectedAt\":1}",
                "{\"v\":1,\"key\":{\"project\":\"acme\",\"patient\":\"p\",\"provider\":\"fitbit\"},\"accessToken\":{\"keyId\":1,"
                        + "\"ciphertext\":\"AQ==\"},\"refreshToken\":null,\"accessTokenExpiresAt\":1.5,\"scopes\":[],"
                        + "\"providerUserId\":null,\"connectedAt\":1}",
            })
    void anything_else_is_unreadable_and_the_reason_does_not_quote_it(String text) {
        assertThatThrownBy(() -> SealedCredentialsJson.read(text))
                .isInstanceOf(StoredJson.Unreadable.class)
                .satisfies(failure -> assertThat(failure.getMessage())
                        .doesNotContain("secret-looking")
                        .doesNotContain("ACME!"));
    }
}
