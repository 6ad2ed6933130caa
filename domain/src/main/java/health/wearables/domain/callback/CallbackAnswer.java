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

/** State 7: what the patient's browser gets. */
public sealed interface CallbackAnswer {

    /** Consumes the answer: one function per kind. */
    <R> R fold(Function<? super Redirect, R> onRedirect, Function<? super Connected, R> onConnected,
               Function<? super Pending, R> onPending, Function<? super Refused, R> onRefused);

    /** Back to the dashboard; the location carries only status, provider and patient, never a code or token. */
    record Redirect(URI location) implements CallbackAnswer {
        @Override
        public <R> R fold(Function<? super Redirect, R> onRedirect, Function<? super Connected, R> onConnected,
                          Function<? super Pending, R> onPending, Function<? super Refused, R> onRefused) {
            return onRedirect.apply(this);
        }
    }

    /** Connected, answered as JSON (no redirectUri was given, or it is no longer allowed). */
    record Connected(CallbackRoute route, ProviderSlug provider, PatientId patient) implements CallbackAnswer {
        @Override
        public <R> R fold(Function<? super Redirect, R> onRedirect, Function<? super Connected, R> onConnected,
                          Function<? super Pending, R> onPending, Function<? super Refused, R> onRefused) {
            return onConnected.apply(this);
        }
    }

    /**
     * The tokens were issued but the connection could not be stored yet: they are held sealed and a retry stores them.
     * Answered as JSON when there is no (allowed) redirectUri.
     */
    record Pending(CallbackRoute route, ProviderSlug provider, PatientId patient) implements CallbackAnswer {
        @Override
        public <R> R fold(Function<? super Redirect, R> onRedirect, Function<? super Connected, R> onConnected,
                          Function<? super Pending, R> onPending, Function<? super Refused, R> onRefused) {
            return onPending.apply(this);
        }
    }

    /** Refused, answered as a JSON error. */
    record Refused(Rejection rejection) implements CallbackAnswer {
        @Override
        public <R> R fold(Function<? super Redirect, R> onRedirect, Function<? super Connected, R> onConnected,
                          Function<? super Pending, R> onPending, Function<? super Refused, R> onRefused) {
            return onRefused.apply(this);
        }
    }

    static CallbackAnswer connected(CallbackRoute route, PendingAuthorization pending, Optional<Project> projectNow) {
        return back("connected", pending, projectNow)
                .orElseGet(() -> new Connected(route, pending.provider(), pending.patient()));
    }

    /** Like {@link #connected}, with {@code status=pending}: the connection is stored by a retry. */
    static CallbackAnswer pending(CallbackRoute route, PendingAuthorization pending, Optional<Project> projectNow) {
        return back("pending", pending, projectNow)
                .orElseGet(() -> new Pending(route, pending.provider(), pending.patient()));
    }

    /** Back to the dashboard with status, provider and patient, if the return URL is still allowed. */
    private static Optional<CallbackAnswer> back(String status, PendingAuthorization pending,
                                                 Optional<Project> projectNow) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", status);
        parameters.put("provider", pending.provider().value());
        parameters.put("patientId", pending.patient().value());
        return allowedReturnUrl(pending, projectNow).map(url -> new Redirect(url.withParameters(parameters)));
    }

    /**
     * A rejection goes back to the dashboard only when the state was verified, the connect call asked for
     * {@code redirectOnError}, and the redirectUri is still allowed.
     */
    static CallbackAnswer refused(Rejection rejection, Optional<Project> projectNow) {
        Optional<PendingAuthorization> pending = rejection.pending().filter(PendingAuthorization::redirectOnError);
        if (pending.isEmpty()) {
            return new Refused(rejection);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", "error");
        parameters.put("error", rejection.code().name().toLowerCase(Locale.ROOT));
        parameters.put("provider", pending.get().provider().value());
        return allowedReturnUrl(pending.get(), projectNow)
                .<CallbackAnswer>map(url -> new Redirect(url.withParameters(parameters)))
                .orElseGet(() -> new Refused(rejection));
    }

    private static Optional<ReturnUrl> allowedReturnUrl(PendingAuthorization pending, Optional<Project> projectNow) {
        return pending.returnUrl()
                .filter(url -> projectNow.filter(project -> project.id().equals(pending.project()))
                        .map(project -> project.allows(url))
                        .orElse(false));
    }
}
