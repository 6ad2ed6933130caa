package health.wearables.application.service;

import health.wearables.application.port.out.Revocations;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.TokenSet;
import health.wearables.domain.lifecycle.RevocationOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider's revocation endpoint that answers as scripted (revoked when nothing is scripted) and records each ask. */
final class ScriptedRevocations implements Revocations {
    /** One ask: which provider, which access and refresh token. */
    record Ask(String provider, String accessToken, String refreshToken) {}

    private final Deque<RevocationOutcome> answers = new ArrayDeque<>();
    final List<Ask> asked = new CopyOnWriteArrayList<>();

    synchronized ScriptedRevocations answering(RevocationOutcome... outcomes) {
        answers.addAll(List.of(outcomes));
        return this;
    }

    @Override
    public synchronized RevocationOutcome revoke(ConfiguredProvider provider, TokenSet tokens) {
        asked.add(new Ask(
                provider.slug().value(),
                tokens.accessToken().value(),
                tokens.refreshToken().map(token -> token.value()).orElse(null)));
        return answers.isEmpty() ? new RevocationOutcome.Revoked() : answers.poll();
    }
}
