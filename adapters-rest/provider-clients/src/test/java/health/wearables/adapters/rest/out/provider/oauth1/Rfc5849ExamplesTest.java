package health.wearables.adapters.rest.out.provider.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.ClientSecret;
import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hostile case 47: the signer reproduces RFC 5849's worked examples byte for byte. Expected strings are copied from
 * the RFC text (line breaks that are "for display purposes only" removed).
 */
class Rfc5849ExamplesTest {

    private static Oauth1Signer signer(long epochSecond, String nonce, String realm) {
        return new Oauth1Signer(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), () -> nonce)
                .withRealm(realm);
    }

    /** §3.1, §3.4.1.1, §3.4.1.3: the POST to example.com with a query, a form body and duplicated names. */
    @Nested
    class Section3 {
        private final URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        private final List<Parameter> body = Parameter.form("c2&a3=2+q");
        private final List<Parameter> protocol = List.of(
                new Parameter("oauth_consumer_key", "9djdj82h48djs9d2"),
                new Parameter("oauth_token", "kkk9d7dh3k39sjv7"),
                new Parameter("oauth_signature_method", "HMAC-SHA1"),
                new Parameter("oauth_timestamp", "137131201"),
                new Parameter("oauth_nonce", "7d8f3e4a"),
                new Parameter("realm", "Example"),
                new Parameter("oauth_signature", "djosJKDKJSD8743243/jdk33klY="));
        private final ClientCredentials client =
                new ClientCredentials("9djdj82h48djs9d2", new ClientSecret("j49sk3j29djd"));
        private final TokenCredentials token =
                new TokenCredentials(new Oauth1Token("kkk9d7dh3k39sjv7"), new Oauth1TokenSecret("dh893hdasih9"));

        @Test
        void collects_the_decoded_parameters_of_3_4_1_3_1_without_realm_and_signature() {
            assertThat(Oauth1Signature.requestParameters(uri, body, protocol))
                    .containsExactly(
                            new Parameter("b5", "=%3D"),
                            new Parameter("a3", "a"),
                            new Parameter("c@", ""),
                            new Parameter("a2", "r b"),
                            new Parameter("c2", ""),
                            new Parameter("a3", "2 q"),
                            new Parameter("oauth_consumer_key", "9djdj82h48djs9d2"),
                            new Parameter("oauth_token", "kkk9d7dh3k39sjv7"),
                            new Parameter("oauth_signature_method", "HMAC-SHA1"),
                            new Parameter("oauth_timestamp", "137131201"),
                            new Parameter("oauth_nonce", "7d8f3e4a"));
        }

        @Test
        void normalizes_the_parameters_as_3_4_1_3_2_prints() {
            assertThat(Oauth1Signature.normalizedParameters(Oauth1Signature.requestParameters(uri, body, protocol)))
                    .isEqualTo("a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2"
                            + "&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1"
                            + "&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");
        }

        @Test
        void builds_the_signature_base_string_3_4_1_1_prints() {
            assertThat(Oauth1Signature.baseString("POST", uri, Oauth1Signature.requestParameters(uri, body, protocol)))
                    .isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                            + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
                            + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
                            + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk"
                            + "9d7dh3k39sjv7");
        }

        /**
         * The RFC prints {@code bYT5CMsGcbgUdFHObYMEfcx6bsw=} for this request, which no HMAC-SHA1 of the printed
         * base string with the stated secrets gives; verified erratum 2550 corrects it to the value below.
         */
        @Test
        void signs_the_3_1_request_into_the_header_the_rfc_shows_with_the_corrected_signature() {
            String header = signer(137131201, "7d8f3e4a", "Example")
                    .authorization("POST", uri, body, client, Optional.of(token), List.of());

            assertThat(header)
                    .isEqualTo("OAuth realm=\"Example\", oauth_consumer_key=\"9djdj82h48djs9d2\", "
                            + "oauth_token=\"kkk9d7dh3k39sjv7\", oauth_signature_method=\"HMAC-SHA1\", "
                            + "oauth_timestamp=\"137131201\", oauth_nonce=\"7d8f3e4a\", "
                            + "oauth_signature=\"r6%2FTJjbCOr97%2F%2BUU0NsvSne7s5g%3D\"");
        }
    }

    /** §1.2: printer.example.com and photos.example.net, each request's header exactly as the RFC prints it. */
    @Nested
    class Section1Point2 {
        private final ClientCredentials printer =
                new ClientCredentials("dpf43f3p2l4k3l03", new ClientSecret("kd94hf93k423kf44"));

        private String header(
                long timestamp,
                String nonce,
                String method,
                String uri,
                Optional<? extends Oauth1Credentials> token,
                List<Parameter> extra) {
            return signer(timestamp, nonce, "Photos")
                    .authorization(method, URI.create(uri), List.of(), printer, token, extra);
        }

        @Test
        void temporary_credentials_request() {
            assertThat(header(
                            137131200,
                            "wIjqoS",
                            "POST",
                            "https://photos.example.net/initiate",
                            Optional.empty(),
                            List.of(new Parameter("oauth_callback", "http://printer.example.com/ready"))))
                    .isEqualTo("OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
                            + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"137131200\", "
                            + "oauth_nonce=\"wIjqoS\", oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\", "
                            + "oauth_signature=\"74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\"");
        }

        @Test
        void token_request() {
            TemporaryCredentials temporary = new TemporaryCredentials(
                    new Oauth1Token("hh5s93j4hdidpola"), new Oauth1TokenSecret("hdhd0244k9j7ao03"));

            assertThat(header(
                            137131201,
                            "walatlh",
                            "POST",
                            "https://photos.example.net/token",
                            Optional.of(temporary),
                            List.of(new Parameter("oauth_verifier", "hfdp7dh39dks9884"))))
                    .isEqualTo("OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
                            + "oauth_token=\"hh5s93j4hdidpola\", oauth_signature_method=\"HMAC-SHA1\", "
                            + "oauth_timestamp=\"137131201\", oauth_nonce=\"walatlh\", "
                            + "oauth_verifier=\"hfdp7dh39dks9884\", "
                            + "oauth_signature=\"gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D\"");
        }

        /** The RFC does not say the scheme of this request; its signature is the one of plain http. */
        @Test
        void protected_resource_request() {
            TokenCredentials token = new TokenCredentials(
                    new Oauth1Token("nnch734d00sl2jdk"), new Oauth1TokenSecret("pfkkdhi9sl3r4s00"));

            assertThat(header(
                            137131202,
                            "chapoH",
                            "GET",
                            "http://photos.example.net/photos?file=vacation.jpg&size=original",
                            Optional.of(token),
                            List.of()))
                    .isEqualTo("OAuth realm=\"Photos\", oauth_consumer_key=\"dpf43f3p2l4k3l03\", "
                            + "oauth_token=\"nnch734d00sl2jdk\", oauth_signature_method=\"HMAC-SHA1\", "
                            + "oauth_timestamp=\"137131202\", oauth_nonce=\"chapoH\", "
                            + "oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\"");
        }
    }

    /** §3.4.1.2's two examples of the base string URI. */
    @Test
    void base_string_uri_lowercases_drops_default_ports_and_the_query() {
        assertThat(Oauth1Signature.baseStringUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")))
                .isEqualTo("http://example.com/r%20v/X");
        assertThat(Oauth1Signature.baseStringUri(URI.create("https://www.example.net:8080/?q=1")))
                .isEqualTo("https://www.example.net:8080/");
        assertThat(Oauth1Signature.baseStringUri(URI.create("https://Photos.Example.NET:443")))
                .isEqualTo("https://photos.example.net/");
    }
}
