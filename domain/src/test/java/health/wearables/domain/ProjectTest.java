package health.wearables.domain;

import static health.wearables.domain.Fixtures.API_KEY;
import static health.wearables.domain.Fixtures.acme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private static Project withKeys(String... keys) {
        return new Project(
                acme(), java.util.Arrays.stream(keys).map(Hashing::sha256).toList(), List.of());
    }

    @Test
    void a_key_whose_sha256_is_configured_authenticates() {
        assertThat(withKeys(API_KEY).authenticates(new ApiKey(API_KEY))).isTrue();
    }

    @Test
    void a_key_whose_sha256_is_not_configured_does_not() {
        assertThat(withKeys(API_KEY).authenticates(new ApiKey(API_KEY + "x"))).isFalse();
        assertThat(withKeys(API_KEY).authenticates(new ApiKey(API_KEY.toUpperCase(Locale.ROOT))))
                .isFalse();
    }

    @Test
    void any_of_several_configured_keys_authenticates() {
        Project project = withKeys("old-key-being-rotated-out", API_KEY, "third-key");

        assertThat(project.authenticates(new ApiKey("old-key-being-rotated-out")))
                .isTrue();
        assertThat(project.authenticates(new ApiKey(API_KEY))).isTrue();
        assertThat(project.authenticates(new ApiKey("third-key"))).isTrue();
        assertThat(project.authenticates(new ApiKey("fourth-key"))).isFalse();
    }

    @Test
    void a_project_without_keys_authenticates_nobody() {
        assertThat(withKeys().authenticates(new ApiKey(API_KEY))).isFalse();
    }

    @Test
    void the_key_itself_is_never_compared_only_its_hash() {
        Project project =
                new Project(acme(), List.of(API_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)), List.of());

        assertThat(project.authenticates(new ApiKey(API_KEY))).isFalse();
    }

    @Test
    void a_url_under_any_allowed_prefix_is_allowed() {
        Project project = Fixtures.project("https://other.example.com/", "https://dashboard.example.com/wearables/");

        assertThat(project.allows(ReturnUrl.parse("https://dashboard.example.com/wearables/done")))
                .isTrue();
        assertThat(project.allows(ReturnUrl.parse("https://other.example.com/anything")))
                .isTrue();
    }

    @Test
    void a_url_under_no_allowed_prefix_is_not() {
        Project project = Fixtures.project("https://dashboard.example.com/wearables/");

        assertThat(project.allows(ReturnUrl.parse("https://dashboard.example.com/admin")))
                .isFalse();
        assertThat(project.allows(ReturnUrl.parse("https://dashboard.example.com.evil.example/wearables/done")))
                .isFalse();
        assertThat(Fixtures.project().allows(ReturnUrl.parse(Fixtures.DONE))).isFalse();
    }

    @Test
    void an_allowed_prefix_must_end_in_a_slash() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Fixtures.project("https://dashboard.example.com/wearables"))
                .withMessageContaining("must end in '/'");
    }
}
