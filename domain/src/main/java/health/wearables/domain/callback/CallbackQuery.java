package health.wearables.domain.callback;

import health.wearables.domain.Rejection;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The callback's query, with every parameter the gateway reads present at most once. Parameters it does not read
 * ({@code project}, {@code patientId}, {@code redirect_uri}, …) are ignored: the stored record decides, never the
 * request.
 */
public record CallbackQuery(Map<String, String> single) {
    static final Set<String> READ = Set.of(
            "state",
            "code",
            "error",
            "error_description",
            "error_uri",
            "iss",
            "scope",
            "oauth_token",
            "oauth_verifier");

    public static Step<CallbackQuery> of(Map<String, List<String>> raw) {
        java.util.HashMap<String, String> single = new java.util.HashMap<>();
        for (String name : READ) {
            List<String> values = raw.getOrDefault(name, List.of());
            if (values.size() > 1) {
                return Step.reject(Rejection.of(
                        RejectionCode.INVALID_REQUEST, "The parameter '" + name + "' appears more than once."));
            }
            if (values.size() == 1) {
                single.put(name, values.get(0) == null ? "" : values.get(0));
            }
        }
        return Step.ok(new CallbackQuery(Map.copyOf(single)));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(single.get(name));
    }

    @Override
    public String toString() {
        return "CallbackQuery" + single.keySet();
    }
}
