package health.wearables.application.service;

import health.wearables.application.port.in.RefreshCredentials;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.Leases;
import health.wearables.application.port.out.Pause;
import health.wearables.application.port.out.ReauthMarks;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.application.port.out.TokenRefresh;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Hashing;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.TokenSet;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.events.PlatformEvent;
import health.wearables.domain.refresh.RefreshDue;
import health.wearables.domain.refresh.Renewal;
import health.wearables.domain.refresh.Reread;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * due → lease → re-read → refresh once at the provider → store (compare and set) → answer.
 *
 * <p>The lease is the connection's alone ({@code refresh:<hash of the connection>}), held by an owner token and ended
 * only by its owner (closing it deletes it only if it is still ours). Whoever does not get it waits a little and reads
 * the credentials again, as many times as the settings allow: another instance refreshing them stores new credentials,
 * which are then used without asking the provider. Whoever gets it reads the credentials again before anything else,
 * and refreshes only those still as old as the wanting ones, with the refresh token read then. New credentials replace
 * the stored ones compare-and-set before they are answered, so nobody uses tokens that are not kept; when the store
 * cannot take them they wait in the credential inbox, which the next re-read and the recovery pass both look at.
 *
 * <p>Audited when the provider was asked: {@code token-refreshed} once the new credentials are kept (stored or held),
 * {@code refresh-refused} once the connection is marked {@code reauth_required}. A refresh that is deferred, or found
 * done elsewhere, asked nobody and is not audited.
 */
public final class RefreshCredentialsService implements RefreshCredentials {
    private static final System.Logger LOG = System.getLogger(RefreshCredentialsService.class.getName());
    /** Compare-and-set attempts before new credentials are left to the recovery pass (via the inbox). */
    private static final int STORE_ATTEMPTS = 3;

    private final Reporting reporting;
    private final StoredCredentials stored;
    private final CredentialInbox inbox;
    private final Leases leases;
    private final Pause pause;
    private final ConfiguredProviders providers;
    private final TokenCipher cipher;
    private final CredentialSealing sealing;
    private final TokenRefresh tokenRefresh;
    private final ReauthMarks reauthMarks;
    private final RefreshSettings settings;
    private final Clock clock;
    private final AuditTrail audits;

    public RefreshCredentialsService(
            StoredCredentials stored,
            CredentialInbox inbox,
            Leases leases,
            Pause pause,
            ConfiguredProviders providers,
            TokenCipher cipher,
            TokenRefresh tokenRefresh,
            ReauthMarks reauthMarks,
            RefreshSettings settings,
            Clock clock,
            Reporting reporting,
            AuditTrail audits) {
        this.audits = audits;
        this.reporting = reporting;
        this.stored = stored;
        this.inbox = inbox;
        this.leases = leases;
        this.pause = pause;
        this.providers = providers;
        this.cipher = cipher;
        this.sealing = new CredentialSealing(cipher);
        this.tokenRefresh = tokenRefresh;
        this.reauthMarks = reauthMarks;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Renewal refresh(SealedCredentials wanting) {
        RefreshDue due = new RefreshDue(wanting);
        try {
            for (int paused = 0; ; paused++) {
                Optional<Leases.Lease> lease = leases.take(leaseOf(due.key()), settings.lease());
                if (lease.isPresent()) {
                    try (Leases.Lease held = lease.get()) {
                        return underLease(due);
                    }
                }
                if (paused == settings.pauses()) {
                    return retryLater(due.key(), "another instance kept the connection's refresh lease");
                }
                pause.pause(settings.pause());
                Optional<Renewal> meanwhile = renewedMeanwhile(due);
                if (meanwhile.isPresent()) {
                    return meanwhile.get();
                }
            }
        } catch (LeaseUnavailable | ConnectionStoreUnavailable | CredentialInboxUnavailable e) {
            return retryLater(due.key(), e.getMessage());
        }
    }

    /** The lease held: read again, then refresh only what is still wanting. */
    private Renewal underLease(RefreshDue due) {
        return reread(due)
                .fold(
                        renewed -> Renewal.renewedElsewhere(renewed.current()),
                        disconnected -> Renewal.disconnected(),
                        notRefreshable -> reauthRequired(notRefreshable.current(), "no refresh token"),
                        this::refreshAtProvider);
    }

    /** Waiting for another holder: renewed (or ended) meanwhile, or still to be refreshed. */
    private Optional<Renewal> renewedMeanwhile(RefreshDue due) {
        return reread(due)
                .fold(
                        renewed -> Optional.of(Renewal.renewedElsewhere(renewed.current())),
                        disconnected -> Optional.of(Renewal.disconnected()),
                        notRefreshable -> Optional.empty(),
                        refreshable -> Optional.empty());
    }

    private Reread reread(RefreshDue due) {
        ConnectionKey key = due.key();
        Optional<SealedCredentials> held = inbox.held(key.project(), Optional.of(key.patient())).stream()
                .filter(credentials -> credentials.key().equals(key))
                .findFirst();
        return due.reread(stored.find(key), held);
    }

    /** The provider, once, with the refresh token read under the lease; then stored before anyone uses it. */
    private Renewal refreshAtProvider(Reread.Refreshable refreshable) {
        ConnectionKey key = refreshable.current().key();
        Optional<ConfiguredProvider> provider = providers.find(key.provider());
        if (provider.isEmpty()) {
            return retryLater(key, "the provider is not configured");
        }
        RefreshToken sent = new RefreshToken(cipher.open(key, TokenKind.REFRESH, refreshable.refreshToken()));
        return refreshable
                .answered(tokenRefresh.refresh(provider.get(), sent), sent)
                .fold(
                        refreshed -> store(refreshable, refreshed.tokens()),
                        refused -> reauthRequired(refreshable.current(), refused.providerError()),
                        later -> retryLater(key, later.reason(), later.after().orElse(settings.retryAfter())));
    }

    /**
     * Compare and set over what is stored, unless credentials issued after the refreshed ones landed meanwhile (a
     * reconnect): those win and the new tokens are dropped. When the store cannot take them, or they were never
     * stored (only held), the new credentials wait in the inbox; the recovery pass writes them, the newer winning.
     */
    private Renewal store(Reread.Refreshable refreshable, TokenSet tokens) {
        ConnectionKey key = refreshable.current().key();
        SealedCredentials fresh = sealing.seal(key, tokens, clock.instant());
        try {
            Optional<SealedCredentials> expected = refreshable.stored();
            for (int attempt = 0; attempt < STORE_ATTEMPTS && expected.isPresent(); attempt++) {
                if (refreshable.overtakenBy(expected.get())) {
                    LOG.log(
                            Level.INFO,
                            "refreshed tokens dropped: project={0} provider={1} connected again meanwhile",
                            key.project(),
                            key.provider());
                    return Renewal.renewedElsewhere(expected.get());
                }
                if (stored.replace(expected.get(), fresh)) {
                    refreshable.held().ifPresent(this::removeFromInbox);
                    LOG.log(Level.DEBUG, "refreshed: project={0} provider={1}", key.project(), key.provider());
                    Auditing.record(audits, AuditRecord.tokenRefreshed(key, clock.instant()));
                    return Renewal.refreshed(fresh);
                }
                expected = stored.find(key);
            }
            if (expected.isEmpty() && refreshable.held().isEmpty()) {
                return Renewal.disconnected();
            }
            return held(fresh, "the stored credentials kept changing");
        } catch (ConnectionStoreUnavailable storeDown) {
            return held(fresh, storeDown.getMessage());
        }
    }

    private Renewal held(SealedCredentials fresh, String why) {
        ConnectionKey key = fresh.key();
        try {
            inbox.hold(fresh, settings.inboxTtl());
        } catch (CredentialInboxUnavailable inboxDown) {
            LOG.log(
                    Level.ERROR,
                    "refreshed tokens of project={0} provider={1} are lost: the connection store failed ({2}) and "
                            + "so did the credential inbox ({3})",
                    key.project(),
                    key.provider(),
                    why,
                    inboxDown.getMessage());
            return retryLater(key, "the refreshed credentials could not be kept");
        }
        LOG.log(
                Level.WARNING,
                "refreshed credentials of project={0} provider={1} are held in the credential inbox ({2})",
                key.project(),
                key.provider(),
                why);
        Auditing.record(audits, AuditRecord.tokenRefreshed(key, clock.instant()));
        return Renewal.refreshed(fresh);
    }

    /** Written to the store: the inbox entry they came from goes, unless a newer one replaced it (best effort). */
    private void removeFromInbox(SealedCredentials written) {
        try {
            inbox.remove(written);
        } catch (CredentialInboxUnavailable e) {
            LOG.log(Level.DEBUG, "an inbox entry stays until the recovery pass finds it written ({0})", e.getMessage());
        }
    }

    /**
     * Marked {@code reauth_required} only if the refused credentials are still the stored ones: credentials stored
     * meanwhile (a reconnect, or a refresh by a holder whose lease outlived ours) are used instead.
     */
    private Renewal reauthRequired(SealedCredentials refused, String reason) {
        ConnectionKey key = refused.key();
        if (reporting.step(
                () -> reauthMarks.markReauthRequired(refused),
                (marked, id) -> marked
                        ? Optional.of(PlatformEvent.reauthRequired(id, key, clock.instant()))
                        : Optional.<PlatformEvent>empty())) {
            LOG.log(
                    Level.INFO,
                    "refresh refused: project={0} provider={1} is reauth_required ({2})",
                    key.project(),
                    key.provider(),
                    reason);
            Auditing.record(audits, AuditRecord.refreshRefused(key, clock.instant()));
            return Renewal.reauthRequired(reason);
        }
        return stored.find(key).map(Renewal::renewedElsewhere).orElseGet(Renewal::disconnected);
    }

    private Renewal retryLater(ConnectionKey key, String reason) {
        return retryLater(key, reason, settings.retryAfter());
    }

    private Renewal retryLater(ConnectionKey key, String reason, Duration after) {
        LOG.log(Level.INFO, "refresh deferred: project={0} provider={1} ({2})", key.project(), key.provider(), reason);
        return Renewal.retryLater(reason, clock.instant().plus(after));
    }

    /** The connection's own lease; hashed, so the lease store never sees a patient's id. */
    static String leaseOf(ConnectionKey key) {
        return "refresh:" + Hashing.sha256Hex(key.canonical());
    }
}
