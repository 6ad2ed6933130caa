package health.wearables.adapters.rest.app;

import health.wearables.application.port.in.DisconnectConnection;
import health.wearables.application.port.in.ReceiveNotification;
import health.wearables.application.port.in.RetryRevocations;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.PendingRevocations;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ProviderNotifications;
import health.wearables.application.port.out.Revocations;
import health.wearables.application.port.out.SeenNotifications;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncQueue;
import health.wearables.application.port.out.TokenCipher;
import health.wearables.application.port.out.TokenRefresh;
import health.wearables.application.service.DisconnectConnectionService;
import health.wearables.application.service.ReceiveNotificationService;
import health.wearables.application.service.Reporting;
import health.wearables.application.service.RetryRevocationsService;
import health.wearables.application.service.RevocationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the end of a connection's life: disconnecting (with the revocation at the provider and its retries) and the
 * providers' notifications. {@value #REVOCATION_RETRY_FOR} bounds how long a failing revocation is asked again.
 */
@ApplicationScoped
public class LifecycleProducer {
    static final String REVOCATION_RETRY_FOR = "wearables.revocation.retry-for";
    static final String DEFAULT_REVOCATION_RETRY_FOR_SECONDS = "604800";

    @Inject
    @ConfigProperty(name = REVOCATION_RETRY_FOR, defaultValue = DEFAULT_REVOCATION_RETRY_FOR_SECONDS)
    long revocationRetryForSeconds;

    private final Clock clock = Clock.systemUTC();

    /** The refresh that renews an expired access token before a revocation is timed like every other refresh. */
    private RevocationSettings settings(
            Revocations revocations,
            ConfiguredProviders providers,
            TokenCipher cipher,
            TokenRefresh refresh,
            ProviderCallMetrics metrics) {
        if (revocationRetryForSeconds < 60 || revocationRetryForSeconds > 31_536_000) {
            throw new IllegalStateException(REVOCATION_RETRY_FOR + " must be between 60 and 31536000");
        }
        return new RevocationSettings(
                revocations,
                providers,
                cipher,
                Duration.ofSeconds(revocationRetryForSeconds),
                new TimedTokenRefresh(refresh, metrics));
    }

    @Produces
    @ApplicationScoped
    DisconnectConnection disconnectConnection(
            ProjectDirectory projects,
            StoredCredentials credentials,
            ConnectionEnding ending,
            PendingRevocations pending,
            Revocations revocations,
            ConfiguredProviders providers,
            TokenCipher cipher,
            TokenRefresh refresh,
            ProviderCallMetrics metrics,
            Reporting reporting,
            AuditTrail audits) {
        return new DisconnectConnectionService(
                projects,
                credentials,
                ending,
                pending,
                settings(revocations, providers, cipher, refresh, metrics),
                clock,
                reporting,
                audits);
    }

    @Produces
    @ApplicationScoped
    RetryRevocations retryRevocations(
            PendingRevocations pending,
            Revocations revocations,
            ConfiguredProviders providers,
            TokenCipher cipher,
            TokenRefresh refresh,
            ProviderCallMetrics metrics) {
        return new RetryRevocationsService(pending, settings(revocations, providers, cipher, refresh, metrics), clock);
    }

    @Produces
    @ApplicationScoped
    ReceiveNotification receiveNotification(
            ProviderNotifications notifications,
            ConnectionEnding ending,
            SyncQueue queue,
            Reporting reporting,
            AuditTrail audits,
            SeenNotifications seen) {
        return new ReceiveNotificationService(notifications, ending, queue, clock, reporting, audits, seen);
    }
}
