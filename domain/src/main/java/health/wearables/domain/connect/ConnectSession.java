package health.wearables.domain.connect;

import health.wearables.domain.Connecting;
import health.wearables.domain.PatientId;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.ReturnUrl;
import health.wearables.domain.Step;
import health.wearables.domain.audit.ApiKeyId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a connect link stands for until a provider is chosen on its page: which project's patient connects, where the
 * browser goes afterwards, which providers the page offers (in the order the platform gave them), which of the
 * project's API keys opened it (the audit trail names it when the patient chooses), and until when it holds.
 */
public record ConnectSession(
        ProjectId project,
        PatientId patient,
        Optional<ReturnUrl> returnUrl,
        List<ProviderSlug> providers,
        ApiKeyId openedBy,
        Instant expiresAt) {

    public ConnectSession {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(expiresAt, "expiresAt");
        providers = List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a connect session offers at least one provider");
        }
    }

    /**
     * Validates a platform's request for a connect link: the patient and the {@code redirectUri} exactly as
     * {@code /connect} checks them, and each requested provider among those the project may use ({@code usable}, in
     * the order the page lists them when none is requested). The messages are safe to show to the platform and never
     * repeat a slug the gateway does not know.
     */
    public static Step<ConnectSession> request(
            Project project,
            String patientId,
            String redirectUri,
            Optional<List<String>> requested,
            List<ProviderSlug> usable,
            ApiKeyId openedBy,
            Instant expiresAt) {
        return Connecting.patient(patientId)
                .then(patient -> Connecting.returnUrl(project, redirectUri)
                        .then(returnUrl -> offered(requested, usable)
                                .then(providers -> Step.ok(new ConnectSession(
                                        project.id(), patient, returnUrl, providers, openedBy, expiresAt)))));
    }

    private static Step<List<ProviderSlug>> offered(Optional<List<String>> requested, List<ProviderSlug> usable) {
        if (requested.isEmpty()) {
            return usable.isEmpty() ? invalid("No provider is configured that this project may use.") : Step.ok(usable);
        }
        if (requested.get().isEmpty()) {
            return invalid("providers must name at least one provider when it is given.");
        }
        Set<ProviderSlug> offered = new LinkedHashSet<>();
        for (String text : requested.get()) {
            Optional<ProviderSlug> slug = ProviderSlug.parse(text).filter(usable::contains);
            if (slug.isEmpty()) {
                return invalid("providers names a provider that is not configured for this project.");
            }
            offered.add(slug.get());
        }
        return Step.ok(List.copyOf(offered));
    }

    private static <T> Step<T> invalid(String message) {
        return Step.reject(Rejection.of(RejectionCode.VALIDATION_FAILED, message));
    }

    /** Whether the page offers this provider. */
    public boolean offers(ProviderSlug provider) {
        return providers.contains(provider);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
