package health.wearables.application.service;

import health.wearables.application.port.in.ChooseProvider;
import health.wearables.application.port.in.ShowConnectPage;
import health.wearables.application.port.in.Unavailable;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectSessions;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.StateStoreUnavailable;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.connect.ConnectPage;
import health.wearables.domain.connect.ConnectSession;
import health.wearables.domain.connect.ConnectSessionToken;
import health.wearables.domain.connect.ProviderChosen;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The connect page. Showing it reads the session and leaves it in place, so the patient may reload the page. Choosing
 * a provider: session → offered? (if not, the page again, the session untouched) → take the session (atomic: of two
 * choices at once, one wins) → start the authorization as {@code /connect} does, for the session's project and
 * patient. The link is "used" when a choice takes it, whether the authorization then starts or not.
 */
public final class ConnectPageService implements ShowConnectPage, ChooseProvider {
    private final ConnectSessions sessions;
    private final ProjectDirectory projects;
    private final ConfiguredProviders providers;
    private final StartConnectionService starts;
    private final Clock clock;

    public ConnectPageService(
            ConnectSessions sessions,
            ProjectDirectory projects,
            ConfiguredProviders providers,
            StartConnectionService starts,
            Clock clock) {
        this.sessions = sessions;
        this.projects = projects;
        this.providers = providers;
        this.starts = starts;
        this.clock = clock;
    }

    @Override
    public ConnectPage show(String token) {
        return ConnectSessionToken.parse(token)
                .flatMap(parsed -> live(() -> sessions.find(parsed)))
                .<ConnectPage>map(this::offer)
                .orElseGet(ConnectPage.Gone::new);
    }

    @Override
    public Optional<String> providerName(ProviderSlug provider) {
        return providers.find(provider).map(ConfiguredProvider::displayName);
    }

    @Override
    public ProviderChosen choose(String token, String provider) {
        Optional<ConnectSessionToken> parsed = ConnectSessionToken.parse(token);
        Optional<ConnectSession> session = parsed.flatMap(valid -> live(() -> sessions.find(valid)));
        if (session.isEmpty()) {
            return new ProviderChosen.Gone();
        }
        Optional<ProviderSlug> slug = ProviderSlug.parse(provider).filter(session.get()::offers);
        if (slug.isEmpty()) {
            return new ProviderChosen.NotOffered(offer(session.get()));
        }
        return live(() -> sessions.take(parsed.orElseThrow()))
                .flatMap(taken -> projects.find(taken.project())
                        .map(project -> starts.startOnConnectPage(project, taken, slug.get())
                                .<ProviderChosen>fold(
                                        started -> new ProviderChosen.Started(started.authorizationUrl()),
                                        rejection -> new ProviderChosen.Refused(slug.get(), rejection))))
                .orElseGet(ProviderChosen.Gone::new);
    }

    /** The session if the store has it and its time has not run out (the store's TTL and the clock may differ). */
    private Optional<ConnectSession> live(Supplier<Optional<ConnectSession>> read) {
        try {
            return read.get().filter(session -> !session.isExpiredAt(clock.instant()));
        } catch (StateStoreUnavailable e) {
            throw new Unavailable.StateStore(e.getMessage(), e);
        }
    }

    /** The providers on offer that are still configured, with their names, in the session's order. */
    private ConnectPage.Offered offer(ConnectSession session) {
        return new ConnectPage.Offered(session.providers().stream()
                .flatMap(slug -> providers.find(slug).stream())
                .map(config -> new ConnectPage.Choice(
                        config.slug(), config.displayName(), config.endpoints().authorization()))
                .toList());
    }
}
