package health.wearables.domain.callback;

import static health.wearables.domain.Fixtures.NOW;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Fixtures;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.StateToken;
import health.wearables.domain.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drives a callback for {@code withings} through the first transitions, as the use case does, without any store. */
final class Callbacks {
    static final StateToken STATE = Fixtures.state(1);
    static final String CODE = "SplxlOBeZQQYbYS6WxSbIA";
    static final ConfiguredProvider WITHINGS = Fixtures.provider("withings");

    private Callbacks() {}

    /** The query of a patient who approved: the minted state and a code, plus the given extra pairs. */
    static Map<String, List<String>> approved(String... extra) {
        return Fixtures.query(concat(new String[] {"state", STATE.value(), "code", CODE}, extra));
    }

    /** Parses the query and identifies the provider, which the configuration knows only when it is withings. */
    static Step<StateReceived> arrive(String providerPath, Map<String, List<String>> query) {
        return Received.parse(providerPath, query)
                .then(received -> received.identify(
                        received.providerSlug().filter(WITHINGS.slug()::equals).map(slug -> WITHINGS)));
    }

    /** Arrives on withings' route and verifies against what the store's take returned, at {@code NOW}. */
    static Step<StateVerified> verify(Map<String, List<String>> query, Optional<PendingAuthorization> taken) {
        return arrive("withings", query).then(received -> received.verify(taken, NOW));
    }

    /** The record {@code /connect} stored for withings, with no return URL. */
    static Optional<PendingAuthorization> stored() {
        return Optional.of(Fixtures.pending("withings", Optional.empty(), false));
    }

    static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
