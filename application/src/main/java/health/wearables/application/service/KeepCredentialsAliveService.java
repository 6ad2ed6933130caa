package health.wearables.application.service;

import health.wearables.application.port.in.KeepCredentialsAlive;
import health.wearables.application.port.in.RefreshCredentials;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * lease for an hour → every active connection whose credentials were issued longer than {@code age} ago and that holds
 * a refresh token → {@link RefreshCredentials} (single flight, re-read, stored before use, refusals classified as for
 * any refresh). OAuth 1.0a token credentials do not expire and have nothing to refresh.
 *
 * <p>{@code age} defaults to a day ({@code wearables.refresh.keep-alive}), as Nango's periodic pass does: far inside the
 * shortest documented refresh-token lifetime, and a connection that syncs refreshes itself long before anyway.
 */
public final class KeepCredentialsAliveService implements KeepCredentialsAlive {
    static final String LEASE = "keep-credentials-alive";
    static final Duration PASS = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(KeepCredentialsAliveService.class.getName());

    private final StoredCredentials stored;
    private final ConnectionStore connections;
    private final RefreshCredentials refresh;
    private final Leases leases;
    private final Duration age;
    private final Clock clock;

    public KeepCredentialsAliveService(
            StoredCredentials stored,
            ConnectionStore connections,
            RefreshCredentials refresh,
            Leases leases,
            Duration age,
            Clock clock) {
        if (age.isZero() || age.isNegative()) {
            throw new IllegalArgumentException("the keep-alive age must be positive");
        }
        this.stored = stored;
        this.connections = connections;
        this.refresh = refresh;
        this.leases = leases;
        this.age = age;
        this.clock = clock;
    }

    @Override
    public Pass runOnce() {
        Optional<Leases.Lease> lease;
        try {
            lease = leases.take(LEASE, PASS);
        } catch (LeaseUnavailable e) {
            return new Pass(false, 0, 0, List.of("lease: " + e.getMessage()));
        }
        if (lease.isEmpty()) {
            return Pass.skipped();
        }
        Pass pass = pass();
        if (!pass.problems().isEmpty()) {
            lease.get().close(); // cut short: the next call tries again
        } else if (pass.refreshed() + pass.failed() > 0) {
            LOG.log(Level.INFO, "keep-alive: {0} refreshed, {1} not", pass.refreshed(), pass.failed());
        }
        return pass;
    }

    private Pass pass() {
        Instant issuedBefore = clock.instant().minus(age);
        int refreshed = 0;
        int failed = 0;
        List<String> problems = new ArrayList<>();
        try {
            for (ProjectId project : StoredProjects.of(stored)) {
                for (StoredConnection connection : connections.list(project, Optional.empty())) {
                    if (connection.status() != ConnectionStatus.ACTIVE
                            || !connection.connectedAt().isBefore(issuedBefore)) {
                        continue;
                    }
                    Optional<SealedCredentials> credentials = stored.find(connection.key())
                            .filter(held -> held.refreshToken().isPresent())
                            .filter(held -> held.connectedAt().isBefore(issuedBefore));
                    if (credentials.isEmpty()) {
                        continue;
                    }
                    boolean renewed = refresh.refresh(credentials.get())
                            .fold(here -> true, elsewhere -> true, reauth -> false, later -> false, gone -> false);
                    if (renewed) {
                        refreshed++;
                    } else {
                        failed++;
                    }
                }
            }
        } catch (ConnectionStoreUnavailable e) {
            problems.add("connection store: " + e.getMessage());
        }
        return new Pass(true, refreshed, failed, problems);
    }
}
