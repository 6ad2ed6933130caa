package health.wearables.adapters.rest.out.provider.oauth1;

import health.wearables.domain.Oauth1Token;
import health.wearables.domain.Oauth1TokenSecret;
import java.util.Objects;

/** Temporary credentials (RFC 5849 §2.1), good for one authorization; both parts redact when printed. */
public record TemporaryCredentials(Oauth1Token token, Oauth1TokenSecret secret) implements Oauth1Credentials {
    public TemporaryCredentials {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }
}
