package health.wearables.application.service;

import health.wearables.application.port.out.TokenRefresh;
import health.wearables.domain.AccessToken;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The provider's token endpoint for refreshes. By default it rotates refresh tokens as Fitbit and WHOOP do: only the
 * refresh token it issued last works, once; it answers a new pair ({@code access-N}, {@code refresh-N}, an hour's
 * lifetime) and refuses any other with {@code invalid_grant}. A test can script another answer, and something to
 * happen while the provider answers. Counts every request.
 */
final class ScriptedTokenRefresh implements TokenRefresh {
    private final Clock clock;
    private final List<RefreshToken> sent = new CopyOnWriteArrayList<>();
    private volatile String valid;
    private int issued;
    private volatile Function<RefreshToken, ExchangeResult> answer = this::rotate;
    private volatile Runnable meanwhile = () -> {};

    ScriptedTokenRefresh(Clock clock, String validRefreshToken) {
        this.clock = clock;
        this.valid = validRefreshToken;
    }

    /** Answers this to every request from now on. */
    void answerWith(ExchangeResult result) {
        this.answer = token -> result;
    }

    /** New tokens without a refresh token (the provider keeps the old one working). */
    void answerWithoutRefreshToken() {
        this.answer = token -> new ExchangeResult.Exchanged(new TokenSet(
                new AccessToken("access-without-rotation"),
                Optional.empty(),
                Optional.of(clock.instant().plus(Duration.ofHours(1))),
                List.of(),
                Optional.empty()));
    }

    /** Runs while the provider is answering: another instance, a reconnect, a store going down. */
    void meanwhile(Runnable action) {
        this.meanwhile = action;
    }

    @Override
    public ExchangeResult refresh(ConfiguredProvider provider, RefreshToken refreshToken) {
        sent.add(refreshToken);
        meanwhile.run();
        return answer.apply(refreshToken);
    }

    private synchronized ExchangeResult rotate(RefreshToken presented) {
        if (!presented.value().equals(valid)) {
            return new ExchangeResult.Refused("invalid_grant");
        }
        issued++;
        valid = "refresh-" + issued;
        return new ExchangeResult.Exchanged(new TokenSet(
                new AccessToken("access-" + issued),
                Optional.of(new RefreshToken(valid)),
                Optional.of(clock.instant().plus(Duration.ofHours(1))),
                List.of(),
                Optional.empty()));
    }

    int calls() {
        return sent.size();
    }

    /** The refresh tokens sent, in order, as plain text. */
    List<String> sent() {
        return sent.stream().map(RefreshToken::value).toList();
    }
}
