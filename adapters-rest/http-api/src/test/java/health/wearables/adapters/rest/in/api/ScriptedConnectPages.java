package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.ChooseProvider;
import health.wearables.application.port.in.OpenConnectSession;
import health.wearables.application.port.in.ShowConnectPage;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import health.wearables.domain.connect.ConnectPage;
import health.wearables.domain.connect.ProviderChosen;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The connect page's use cases, answering what the test tells them to and remembering what they were asked. */
final class ScriptedConnectPages implements OpenConnectSession, ShowConnectPage, ChooseProvider {
    static final String TOKEN = "Xw4e4uB9mHDPv0hBvIYzOx7p3pK1rAaLbF3D8k2JQ5s";
    static final Opened OPENED = new Opened(
            URI.create("https://gateway.example.org/v1/wearables/connect-page/" + TOKEN),
            Instant.parse("2026-11-21T10:30:00Z"));
    static final ConnectPage.Offered OFFER = new ConnectPage.Offered(List.of(
            new ConnectPage.Choice(
                    new ProviderSlug("withings"), "Withings", URI.create("https://account.withings.com/oauth2/x")),
            new ConnectPage.Choice(
                    new ProviderSlug("sandbox"),
                    "Sandbox <b>\"wearable\"</b> & co",
                    URI.create("http://localhost:19091/sandbox/authorize"))));
    static final Map<String, String> NAMES = Map.of("withings", "Withings", "oura", "Oura <Ring>");

    record OpenCall(Optional<ApiKey> apiKey, SessionCommand command) {}

    record ChooseCall(String token, String provider) {}

    private final List<OpenCall> opens = new ArrayList<>();
    private final List<String> shows = new ArrayList<>();
    private final List<ChooseCall> chooses = new ArrayList<>();
    private Supplier<Step<Opened>> opened;
    private Supplier<ConnectPage> page;
    private Supplier<ProviderChosen> chosen;

    ScriptedConnectPages() {
        reset();
    }

    void reset() {
        opens.clear();
        shows.clear();
        chooses.clear();
        opened = () -> Step.ok(OPENED);
        page = () -> OFFER;
        chosen = () -> new ProviderChosen.Started(URI.create("https://account.withings.com/oauth2/x?state=abc"));
    }

    void refusesToOpen(RejectionCode code, String message) {
        opened = () -> Step.reject(Rejection.of(code, message));
    }

    void failsToOpen(RuntimeException failure) {
        opened = () -> {
            throw failure;
        };
    }

    /** Showing the page and choosing on it both fail as a store does when it cannot be reached. */
    void storesAreDown(RuntimeException failure) {
        page = () -> {
            throw failure;
        };
        chosen = () -> {
            throw failure;
        };
    }

    void isGone() {
        page = ConnectPage.Gone::new;
        chosen = ProviderChosen.Gone::new;
    }

    void doesNotOffer() {
        chosen = () -> new ProviderChosen.NotOffered(OFFER);
    }

    void cannotStart(RejectionCode code) {
        chosen = () -> new ProviderChosen.Refused(new ProviderSlug("oura"), Rejection.of(code, "Refused: " + code));
    }

    List<OpenCall> opens() {
        return List.copyOf(opens);
    }

    List<String> shows() {
        return List.copyOf(shows);
    }

    List<ChooseCall> chooses() {
        return List.copyOf(chooses);
    }

    @Override
    public Step<Opened> open(Optional<ApiKey> apiKey, SessionCommand command) {
        opens.add(new OpenCall(apiKey, command));
        return opened.get();
    }

    @Override
    public ConnectPage show(String token) {
        shows.add(token);
        return page.get();
    }

    @Override
    public Optional<String> providerName(ProviderSlug provider) {
        return Optional.ofNullable(NAMES.get(provider.value()));
    }

    @Override
    public ProviderChosen choose(String token, String provider) {
        chooses.add(new ChooseCall(token, provider));
        return chosen.get();
    }
}
