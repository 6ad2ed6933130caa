package health.wearables.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
    private static final String SIXTY_FOUR = "a123456789b123456789c123456789d123456789e123456789f123456789g123";
    private static final String SIXTY_FIVE = SIXTY_FOUR + "4";

    @ParameterizedTest
    @ValueSource(strings = {"a", "acme", "acme-health-2", "0", SIXTY_FOUR})
    void a_project_id_is_1_to_64_lower_case_letters_digits_and_hyphens(String id) {
        assertThat(new ProjectId(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {"Acme", "acme_health", "acme health", "acme.health", "acme/other", "acmé", "acme\n", SIXTY_FIVE})
    void a_project_id_outside_that_syntax_is_refused(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProjectId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "Patient-A.1", "a", SIXTY_FOUR})
    void a_patient_id_is_1_to_64_characters_of_a_fhir_id(String id) {
        assertThat(new PatientId(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a b", "a_b", "a/b", "a%2Fb", "a\u0000", "12\r\n3", "pätient", SIXTY_FIVE})
    void a_patient_id_outside_the_fhir_id_syntax_is_refused(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PatientId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fitbit", "google-health", "google_health", "0ura", SIXTY_FOUR})
    void a_provider_slug_starts_with_a_letter_or_digit_and_is_at_most_64_characters(String slug) {
        assertThat(new ProviderSlug(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-fitbit", "_fitbit", "Fitbit", "fit.bit", "fit/bit", "fit bit", "..", SIXTY_FIVE})
    void a_provider_slug_outside_that_syntax_is_refused(String slug) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProviderSlug(slug));
    }
}
