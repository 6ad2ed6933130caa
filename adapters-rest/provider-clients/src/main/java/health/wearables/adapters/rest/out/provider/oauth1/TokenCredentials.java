package health.wearables.adapters.rest.out.provider.oauth1;

import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import java.util.Objects;

/** Token credentials (RFC 5849 §2.3): the lasting access a patient granted; both parts redact when printed. */
public record TokenCredentials(Oauth1Token token, Oauth1TokenSecret secret) implements Oauth1Credentials {
    public TokenCredentials {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }
}
