package health.wearables.acceptance.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.acceptance.sweep.SecretsSweep.Finding;
import health.wearables.acceptance.sweep.SecretsSweep.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep itself can fail: a planted secret is found, wherever it hides, and named without being shown. */
class SecretsSweepTest {
    private static final Secret TOKEN = new Secret(SecretKind.ACCESS_TOKEN, "at-9f8e7d6c5b4a39281706");
    private static final Secret VERIFIER = new Secret(SecretKind.PKCE_VERIFIER, "verifier+with/reserved=chars");

    @TempDir
    Path logs;

    @Test
    void a_secret_planted_in_a_nested_log_file_is_found_and_named_without_its_value() throws IOException {
        Files.writeString(logs.resolve("messages.log"), "[INFO] connected: project=acme\n");
        Path ffdc = Files.createDirectories(logs.resolve("ffdc"));
        Files.writeString(
                ffdc.resolve("incident_1.txt"), "Exception: body was {\"access_token\":\"" + TOKEN.value() + "\"}\n");
        SecretsSweep sweep = new SecretsSweep(List.of(TOKEN, VERIFIER));

        sweep.searchFilesUnder(logs);

        assertThat(sweep.findings())
                .extracting(Finding::secret, Finding::source, Finding::where)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        TOKEN, Source.LOG_FILE, ffdc.resolve("incident_1.txt").toString()));
        assertThat(sweep.findings().get(0).toString())
                .contains("ACCESS_TOKEN")
                .contains("incident_1.txt")
                .doesNotContain(TOKEN.value());
        assertThat(sweep.searched(Source.LOG_FILE)).isEqualTo(2);
        assertThat(sweep.summary()).doesNotContain(TOKEN.value()).contains("1 found");
    }

    @Test
    void a_secret_is_found_url_encoded_as_a_logged_query_string_would_carry_it() {
        SecretsSweep sweep = new SecretsSweep(List.of(VERIFIER));

        sweep.search(Source.LOG_FILE, "access.log", "POST /token code_verifier=verifier%2Bwith%2Freserved%3Dchars");

        assertThat(sweep.findings()).extracting(Finding::secret).containsExactly(VERIFIER);
    }

    @Test
    void error_bodies_and_database_rows_are_searched_like_files() {
        SecretsSweep sweep = new SecretsSweep(List.of(TOKEN));

        sweep.search(Source.ERROR_BODY, "GET /callback", "{\"error\":{\"code\":\"TOKEN_EXCHANGE_FAILED\"}}");
        sweep.search(
                Source.DATABASE_ROW, "public.hfj_res_ver", "(1,\"{\"\"token\"\":\"\"" + TOKEN.value() + "\"\"}\")");

        assertThat(sweep.findings())
                .extracting(Finding::source, Finding::where)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Source.DATABASE_ROW, "public.hfj_res_ver"));
        assertThat(sweep.searched(Source.ERROR_BODY)).isEqualTo(1);
        assertThat(sweep.searched(Source.DATABASE_ROW)).isEqualTo(1);
    }

    @Test
    void clean_text_gives_no_finding() throws IOException {
        Files.writeString(
                logs.resolve("messages.log"),
                "token exchange with provider faulty failed: HTTP 500\n",
                StandardCharsets.UTF_8);
        SecretsSweep sweep = new SecretsSweep(List.of(TOKEN, VERIFIER));

        sweep.searchFilesUnder(logs);
        sweep.search(Source.DATABASE_ROW, "public.hfj_resource", "(1,Endpoint,1)");

        assertThat(sweep.findings()).isEmpty();
    }

    @Test
    void short_values_are_left_out_and_a_value_known_under_two_kinds_counts_once() {
        SecretsSweep sweep = new SecretsSweep(List.of(
                new Secret(SecretKind.AUTHORIZATION_CODE, "abc"),
                TOKEN,
                new Secret(SecretKind.REFRESH_TOKEN, TOKEN.value())));

        sweep.search(Source.ERROR_BODY, "GET /callback", "code=abc");

        assertThat(sweep.secretCount()).isEqualTo(1);
        assertThat(sweep.findings()).isEmpty();
    }

    @Test
    void a_control_never_met_shows_that_a_source_was_not_really_read() {
        SecretsSweep sweep = new SecretsSweep(List.of(TOKEN))
                .expect(Source.LOG_FILE, "connected: project=")
                .expect(Source.DATABASE_ROW, "NamingSystem/connection");

        sweep.search(Source.LOG_FILE, "messages.log", "[INFO] connected: project=acme");

        assertThat(sweep.missingControls()).containsExactly("DATABASE_ROW: NamingSystem/connection");
    }

    @Test
    void a_secret_prints_as_its_kind_length_and_fingerprint_only() {
        assertThat(TOKEN.toString())
                .startsWith("ACCESS_TOKEN(23 chars, sha256 ")
                .doesNotContain(TOKEN.value());
        assertThat(TOKEN.fingerprint()).hasSize(12).isNotEqualTo(VERIFIER.fingerprint());
    }
}
