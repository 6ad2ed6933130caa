package health.wearables.acceptance.steps;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;

/** The world of one scenario: one patient's way through connecting, and what the gateway answered on the way. */
public final class PatientJourney {
    final String patientId = "amara-" + UUID.randomUUID().toString().substring(0, 8);
    final String project = "acme";
    URI authorizationUrl;
    String state;
    URI returnLink;
    String code;
    HttpResponse<String> answer;
    /** The connect link the care team handed her, when it used one. */
    URI connectLink;

    String endpointId;
    long tokenRequestsBefore;
    Optional<IssuedTokens> issuedTokens = Optional.empty();

    /** The tokens the test opened with the gateway's keyset: never in a conformance run. */
    IssuedTokens openedTokens() {
        Settings.internal("The tokens Sandbox issued her, opened with the gateway's keyset,");
        return issuedTokens.orElseThrow();
    }

    /** Tokens the test made Sandbox issue, so it can look for them where they must not be. */
    record IssuedTokens(String accessToken, String refreshToken) {}
}
