package health.wearables.adapters.rest.out.provider;

import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;

/**
 * After the exchange, the provider's id of the user, for providers whose token response names none but whose
 * notifications name the user by it (Oura, WHOOP). The id only lets a notification find its connection, so a lookup
 * that fails does not fail the exchange: the tokens are kept without an id, with a WARN that names the provider and
 * the status or our transport reason, never the body.
 *
 * @param path   below the provider's API base
 * @param member the member of the JSON answer that holds the id (a string, or a number taken as its decimal string)
 */
record UserIdLookup(String path, String member) {
    private static final Logger LOG = System.getLogger(UserIdLookup.class.getName());

    /** The tokens with the id the provider answers, or as they are. */
    ExchangeResult lookUp(ConfiguredProvider provider, TokenSet tokens, ProviderCalls calls) {
        URI uri = RevocationAnswers.below(provider.endpoints().apiBase(), path);
        String slug = provider.slug().value();
        TokenSet completed = calls.get(uri, tokens.accessToken())
                .fold(
                        answered -> {
                            if (answered.status() != 200) {
                                return withoutId(tokens, slug, "answered HTTP " + answered.status());
                            }
                            return ProviderResponses.json(answered.body())
                                    .flatMap(json -> TokenResponseReader.userId(json.get(member)))
                                    .map(id -> ProviderResponses.withUserId(tokens, java.util.Optional.of(id)))
                                    .orElseGet(() -> withoutId(tokens, slug, "answered without a usable " + member));
                        },
                        unanswered -> withoutId(tokens, slug, "failed: " + unanswered.reason()));
        return new ExchangeResult.Exchanged(completed);
    }

    private static TokenSet withoutId(TokenSet tokens, String slug, String what) {
        LOG.log(
                Level.WARNING,
                "user id lookup of provider " + slug + " " + what
                        + "; the connection is kept without the provider's user id, so its notifications cannot"
                        + " be matched to it");
        return tokens;
    }
}
