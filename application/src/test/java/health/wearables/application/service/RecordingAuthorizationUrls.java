package health.wearables.application.service;

import health.wearables.application.port.out.AuthorizationUrls;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.StateToken;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a plain authorization URL and remembers what it was given, so a test can play the patient's browser. */
final class RecordingAuthorizationUrls implements AuthorizationUrls {
    record Call(ConfiguredProvider provider, StateToken state, Optional<PkceVerifier> verifier, URI redirectUri) {}

    private final List<Call> calls = new ArrayList<>();

    @Override
    public URI authorizationUrl(
            ConfiguredProvider provider, StateToken state, Optional<PkceVerifier> verifier, URI redirectUri) {
        calls.add(new Call(provider, state, verifier, redirectUri));
        return URI.create(provider.endpoints().authorization() + "?client_id="
                + provider.client().id() + "&state="
                + state.value()
                + verifier.map(v -> "&code_challenge=" + v.s256Challenge() + "&code_challenge_method=S256")
                        .orElse(""));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }
}
