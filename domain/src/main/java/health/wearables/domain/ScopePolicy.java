package health.wearables.domain;

import java.util.List;

/**
 * The scopes asked for at authorization, and those the connection cannot work without: a connection that is granted
 * less than the required ones is refused (hostile case 21).
 */
public record ScopePolicy(List<String> requested, List<String> required) {

    public ScopePolicy {
        requested = List.copyOf(requested);
        required = List.copyOf(required);
    }

    /** Asks for these scopes and requires none of them. */
    public static ScopePolicy requesting(List<String> requested) {
        return new ScopePolicy(requested, List.of());
    }

    /** The same request, requiring these scopes to be granted. */
    public ScopePolicy requiring(List<String> scopes) {
        return new ScopePolicy(requested, scopes);
    }

    /** The required scopes that {@code granted} lacks. */
    public List<String> missingScopes(List<String> granted) {
        return required.stream().filter(scope -> !granted.contains(scope)).toList();
    }
}
