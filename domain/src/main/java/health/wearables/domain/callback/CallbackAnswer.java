package health.wearables.domain.callback;

import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.Project;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.Rejection;
import health.wearables.domain.ReturnUrl;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * State 7: what the patient's browser gets: the outcome of the callback, and where the browser goes back to the
 * dashboard, if it does. Without a redirect the outcome is answered directly (as JSON, shaped by the HTTP adapter, or
 * as a page for the patient when the authorization was started on the connect page).
 *
 * @param redirect        back to the dashboard; the location carries only status, provider and patient (or the
 *                        error), never a code or a token
 * @param fromConnectPage the verified state was minted on the connect page: without a redirect, the patient reads the
 *                        outcome
 */
public record CallbackAnswer(Outcome outcome, Optional<URI> redirect, boolean fromConnectPage) {

    /** An answer to a flow a platform started with {@code /connect} (or one whose state was never verified). */
    public CallbackAnswer(Outcome outcome, Optional<URI> redirect) {
        this(outcome, redirect, false);
    }

    /** How the callback ended. */
    public sealed interface Outcome {
        /** Consumes the outcome: one function per way a callback ends. */
        <R> R fold(
                Function<? super Connected, R> onConnected,
                Function<? super Pending, R> onPending,
                Function<? super Refused, R> onRefused);
    }

    /** Connected: the connection is stored and its initial sync queued (or recorded for a retry). */
    public record Connected(ProviderSlug provider, PatientId patient) implements Outcome {
        @Override
        public <R> R fold(
                Function<? super Connected, R> onConnected,
                Function<? super Pending, R> onPending,
                Function<? super Refused, R> onRefused) {
            return onConnected.apply(this);
        }
    }

    /**
     * The tokens were issued but the connection could not be stored yet: they are held sealed and a retry stores them.
     */
    public record Pending(ProviderSlug provider, PatientId patient) implements Outcome {
        @Override
        public <R> R fold(
                Function<? super Connected, R> onConnected,
                Function<? super Pending, R> onPending,
                Function<? super Refused, R> onRefused) {
            return onPending.apply(this);
        }
    }

    /** Refused: the flow ended without a connection. */
    public record Refused(Rejection rejection) implements Outcome {
        @Override
        public <R> R fold(
                Function<? super Connected, R> onConnected,
                Function<? super Pending, R> onPending,
                Function<? super Refused, R> onRefused) {
            return onRefused.apply(this);
        }
    }

    /** Connected; back to the dashboard with {@code status=connected} where the return URL is still allowed. */
    public static CallbackAnswer connected(PendingAuthorization pending, Optional<Project> projectNow) {
        return new CallbackAnswer(
                new Connected(pending.provider(), pending.patient()),
                back("connected", pending, projectNow),
                pending.fromConnectPage());
    }

    /** Like {@link #connected}, with {@code status=pending}: the connection is stored by a retry. */
    public static CallbackAnswer pending(PendingAuthorization pending, Optional<Project> projectNow) {
        return new CallbackAnswer(
                new Pending(pending.provider(), pending.patient()),
                back("pending", pending, projectNow),
                pending.fromConnectPage());
    }

    /** Back to the dashboard with status, provider and patient, if the return URL is still allowed. */
    private static Optional<URI> back(String status, PendingAuthorization pending, Optional<Project> projectNow) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", status);
        parameters.put("provider", pending.provider().value());
        parameters.put("patientId", pending.patient().value());
        return allowedReturnUrl(pending, projectNow).map(url -> url.withParameters(parameters));
    }

    /**
     * A rejection goes back to the dashboard only when the state was verified, the connect call asked for
     * {@code redirectOnError}, and the redirectUri is still allowed.
     */
    public static CallbackAnswer refused(Rejection rejection, Optional<Project> projectNow) {
        Optional<URI> back = rejection
                .pending()
                .filter(PendingAuthorization::redirectOnError)
                .flatMap(pending -> {
                    Map<String, String> parameters = new LinkedHashMap<>();
                    parameters.put("status", "error");
                    parameters.put("error", rejection.code().name().toLowerCase(Locale.ROOT));
                    parameters.put("provider", pending.provider().value());
                    return allowedReturnUrl(pending, projectNow).map(url -> url.withParameters(parameters));
                });
        return new CallbackAnswer(
                new Refused(rejection),
                back,
                rejection.pending().map(PendingAuthorization::fromConnectPage).orElse(false));
    }

    private static Optional<ReturnUrl> allowedReturnUrl(PendingAuthorization pending, Optional<Project> projectNow) {
        return pending.returnUrl()
                .filter(url -> projectNow
                        .filter(project -> project.id().equals(pending.project()))
                        .map(project -> project.allows(url))
                        .orElse(false));
    }
}
