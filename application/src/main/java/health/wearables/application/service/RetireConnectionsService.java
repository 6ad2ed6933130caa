package health.wearables.application.service;

import health.wearables.application.port.in.RetireConnections;
import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.Retirements;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.lifecycle.EndReason;
import health.wearables.domain.lifecycle.Retirement;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * every provider whose retirement has come → every stored connection of it → ended for {@link EndReason#RETIRED}
 * (status {@code retired}, its token material gone). Hostile case 67: each connection is ended once; one that has
 * already ended, for whatever reason, or is gone is skipped, so passes on several instances, or again after a
 * failure, end nothing twice. An unreachable connection store stops the pass; the next one goes on.
 *
 * <p>The pass runs on a schedule, so it must cost nothing while no retirement has come: then it reads no store at all.
 * Once a retired provider has been swept completely, at least {@link #LONGEST_STATE} into its day, this instance
 * does not sweep it again: from the start of the day no state is minted for it (StartConnectionService answers 410), so
 * after the longest a state lives ({@code wearables.state.ttl} is at most an hour) no callback can store a connection
 * of it any more. A restart sweeps once more, which ends nothing new.
 */
public final class RetireConnectionsService implements RetireConnections {
    private final Reporting reporting;
    /** The longest a state may live ({@code wearables.state.ttl}): after that, no connection of a retired provider appears. */
    static final Duration LONGEST_STATE = Duration.ofHours(1);

    private static final System.Logger LOG = System.getLogger(RetireConnectionsService.class.getName());

    private final Retirements retirements;
    private final StoredCredentials stored;
    private final ConnectionEnding ending;
    private final Clock clock;
    private final Set<ProviderSlug> swept = ConcurrentHashMap.newKeySet();

    public RetireConnectionsService(
            Retirements retirements,
            StoredCredentials stored,
            ConnectionEnding ending,
            Clock clock,
            Reporting reporting) {
        this.reporting = reporting;
        this.retirements = retirements;
        this.stored = stored;
        this.ending = ending;
        this.clock = clock;
    }

    @Override
    public int retireDue() {
        Instant now = clock.instant();
        Map<ProviderSlug, Retirement> due = retirements.all().entrySet().stream()
                .filter(retirement -> !swept.contains(retirement.getKey()))
                .filter(retirement -> retirement.getValue().hasCome(now))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        if (due.isEmpty()) {
            return 0;
        }
        int retired = 0;
        try {
            for (ConnectionKey key : stored.keys()) {
                if (due.containsKey(key.provider()) && ended(key)) {
                    retired++;
                }
            }
        } catch (ConnectionStoreUnavailable e) {
            LOG.log(
                    Level.WARNING,
                    "retirement pass stopped after {0} connection(s): {1}; the next pass goes on",
                    retired,
                    e.getMessage());
            return retired;
        }
        due.forEach((provider, retirement) -> {
            if (retirement.hasCome(now.minus(LONGEST_STATE))) {
                swept.add(provider);
            }
        });
        if (retired > 0) {
            LOG.log(Level.INFO, "retirement pass: {0} connection(s) of {1} retired", retired, due.keySet());
        }
        return retired;
    }

    /** Whether ending the connection ended it now: not found and already ended are skipped without a word. */
    private boolean ended(ConnectionKey key) {
        return reporting.step(
                        () -> ending.end(key, EndReason.RETIRED),
                        (ending, id) -> ending instanceof ConnectionEnding.Ended
                                ? Optional.of(PlatformEvent.revoked(id, key, EndReason.RETIRED, clock.instant()))
                                : Optional.<PlatformEvent>empty())
                instanceof ConnectionEnding.Ended;
    }
}
