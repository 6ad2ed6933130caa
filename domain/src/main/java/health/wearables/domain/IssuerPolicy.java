package health.wearables.domain;

import java.util.Optional;

/**
 * How the {@code iss} parameter of an authorization response is checked (RFC 9207): not at all, against the expected
 * issuer when the provider sends one, or required and equal to the expected issuer.
 */
public sealed interface IssuerPolicy {

    /** Whether a callback with this {@code iss} (or none) may come from the provider. */
    boolean accepts(Optional<String> iss);

    /** No issuer is configured: any {@code iss}, or none, is accepted. */
    static IssuerPolicy none() {
        return new None();
    }

    /** A present {@code iss} must equal the issuer; a missing one is accepted. */
    static IssuerPolicy expected(String issuer) {
        return new Expected(issuer);
    }

    /** The provider always sends {@code iss}: it must be present and equal the issuer. */
    static IssuerPolicy required(String issuer) {
        return new Required(issuer);
    }

    /** No issuer check. */
    record None() implements IssuerPolicy {
        @Override
        public boolean accepts(Optional<String> iss) {
            return true;
        }
    }

    /** A present {@code iss} must equal {@code issuer}, character for character. */
    record Expected(String issuer) implements IssuerPolicy {
        public Expected {
            requireIssuer(issuer);
        }

        @Override
        public boolean accepts(Optional<String> iss) {
            return iss.map(issuer::equals).orElse(true);
        }
    }

    /** {@code iss} must be present and equal {@code issuer}, character for character. */
    record Required(String issuer) implements IssuerPolicy {
        public Required {
            requireIssuer(issuer);
        }

        @Override
        public boolean accepts(Optional<String> iss) {
            return iss.map(issuer::equals).orElse(false);
        }
    }

    private static void requireIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("an issuer check needs the issuer");
        }
    }
}
