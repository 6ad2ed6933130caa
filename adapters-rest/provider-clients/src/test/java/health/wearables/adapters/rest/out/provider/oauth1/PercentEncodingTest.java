package health.wearables.adapters.rest.out.provider.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5849 §3.6 percent-encoding, where it differs from form encoding and from {@code URLEncoder}. */
class PercentEncodingTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\" \"|%20",
                "~|~",
                "*|%2A",
                "+|%2B",
                "-._|-._",
                "AZaz09|AZaz09",
                "=&%|%3D%26%25",
                "/?#|%2F%3F%23",
                "é|%C3%A9",
                "€|%E2%82%AC",
                "\uD83D\uDC93|%F0%9F%92%93",
            })
    void encodes(String text, String encoded) {
        assertThat(PercentEncoding.encode(text)).isEqualTo(encoded);
    }

    @Test
    void every_octet_outside_the_unreserved_set_is_encoded_in_upper_case() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            all.append(c);
        }
        String encoded = PercentEncoding.encode(all.toString());

        assertThat(encoded.replaceAll("%[0-9A-F]{2}", ""))
                .isEqualTo("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
        assertThat(encoded).doesNotContainPattern("%[0-9A-F]?[a-f]");
    }

    @Test
    void the_empty_string_stays_empty() {
        assertThat(PercentEncoding.encode("")).isEmpty();
    }
}
