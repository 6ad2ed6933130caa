package health.wearables.adapters.rest.app.config.demo;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.app.config.demo.DemoProviderResource.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoProviderResourceTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String START = "2026-10-20T00:00:00Z";
    private static final String END = "2026-11-21T10:00:00Z";
    private static final Pattern NEXT = Pattern.compile("\"nextPageToken\":\"([0-9]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"");

    @Test
    void without_a_bearer_token_the_answer_is_401() {
        assertThat(DemoProviderResource.reply(null, START, END, null, NOW))
                .isEqualTo(new Reply(401, "{\"error\":\"invalid_token\"}"));
        assertThat(DemoProviderResource.reply("Basic abc", START, END, null, NOW)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_window_or_page_token_that_is_not_one_is_400() {
        assertThat(DemoProviderResource.reply("Bearer t", "yesterday", END, null, NOW)
                        .status())
                .isEqualTo(400);
        assertThat(DemoProviderResource.reply("Bearer t", START, null, null, NOW)
                        .status())
                .isEqualTo(400);
        assertThat(DemoProviderResource.reply("Bearer t", START, END, "abc", NOW)
                        .status())
                .isEqualTo(400);
        assertThat(DemoProviderResource.reply("Bearer t", START, END, "9999999", NOW)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void every_observation_is_served_once_a_thousand_a_page() {
        String token = "Bearer " + jwt("amara");
        int total = SyntheticWearable.observations("amara", Instant.parse(START), Instant.parse(END), NOW)
                .size();

        int served = 0;
        int pages = 0;
        String pageToken = null;
        do {
            Reply reply = DemoProviderResource.reply(token, START, END, pageToken, NOW);
            assertThat(reply.status()).isEqualTo(200);
            int onPage = count(ID, reply.json());
            assertThat(onPage).isLessThanOrEqualTo(DemoProviderResource.PAGE_SIZE);
            served += onPage;
            pages++;
            Matcher next = NEXT.matcher(reply.json());
            pageToken = next.find() ? next.group(1) : null;
        } while (pageToken != null);

        assertThat(served).isEqualTo(total);
        assertThat(pages).isEqualTo((total + DemoProviderResource.PAGE_SIZE - 1) / DemoProviderResource.PAGE_SIZE);
    }

    @Test
    void observations_are_in_the_gateways_own_format() {
        Reply reply = DemoProviderResource.reply(
                "Bearer " + jwt("amara"), "2026-11-19T00:00:00Z", "2026-11-19T00:05:00Z", null, NOW);

        assertThat(reply.json())
                .startsWith("{\"observations\":[")
                .contains("{\"id\":\"steps/2026-11-19\",\"type\":\"daily-steps\",\"value\":")
                .contains(",\"start\":\"2026-11-19T00:00:00Z\",\"end\":\"2026-11-20T00:00:00Z\"}")
                .contains("{\"id\":\"heart-rate/2026-11-19T00:00:00Z\",\"type\":\"heart-rate\",\"value\":")
                .contains(",\"time\":\"2026-11-19T00:00:00Z\"}")
                .doesNotContain("nextPageToken");
    }

    @Test
    void the_user_is_the_tokens_subject_whatever_its_signature() {
        Reply amara = DemoProviderResource.reply("Bearer " + jwt("amara"), START, END, null, NOW);
        Reply amaraAgain =
                DemoProviderResource.reply("Bearer " + jwt("amara").replace(".sig", ".other"), START, END, null, NOW);
        Reply ben = DemoProviderResource.reply("Bearer " + jwt("ben"), START, END, null, NOW);

        assertThat(amaraAgain).isEqualTo(amara);
        assertThat(ben).isNotEqualTo(amara);
        assertThat(DemoProviderResource.user("not-a-jwt")).isEqualTo(DemoProviderResource.ANONYMOUS);
        assertThat(DemoProviderResource.user(jwt("amara"))).isEqualTo("amara");
    }

    private static String jwt(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(
                        ("{\"iss\":\"http://localhost:9090/demo\",\"sub\":\"" + subject + "\",\"aud\":\"demo-client\"}")
                                .getBytes(StandardCharsets.UTF_8))
                + ".sig";
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
