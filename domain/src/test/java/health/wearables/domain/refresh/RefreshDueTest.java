package health.wearables.domain.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.domain.AccessToken;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.RefreshToken;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.SealedToken;
import health.wearables.domain.TokenSet;
import health.wearables.domain.callback.ExchangeResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A refresh's life after the lease: read again, refreshed only if still wanting, stored unless overtaken. */
class RefreshDueTest {
    static final Instant ISSUED = Instant.parse("2026-11-30T11:00:00Z");
    static final ConnectionKey KEY =
            new ConnectionKey(new ProjectId("acme"), new PatientId("p-1"), new ProviderSlug("whoop"));

    static SealedToken sealed(String text) {
        return new SealedToken(text.getBytes(StandardCharsets.UTF_8), 1);
    }

    static SealedCredentials issued(String name, Instant at, boolean refreshable) {
        return new SealedCredentials(
                KEY,
                sealed("access-" + name),
                refreshable ? Optional.of(sealed("refresh-" + name)) : Optional.empty(),
                Optional.empty(),
                Optional.of(at.plus(Duration.ofHours(1))),
                List.of("read:recovery", "offline"),
                Optional.of("whoop-user-9"),
                at);
    }

    static final SealedCredentials WANTING = issued("a", ISSUED, true);
    static final RefreshDue DUE = new RefreshDue(WANTING);

    static String what(Reread reread) {
        return reread.fold(
                renewed ->
                        "renewed:" + new String(renewed.current().accessToken().ciphertext(), StandardCharsets.UTF_8),
                disconnected -> "disconnected",
                notRefreshable -> "not-refreshable",
                refreshable ->
                        "refresh:" + new String(refreshable.refreshToken().ciphertext(), StandardCharsets.UTF_8));
    }

    @Test
    void credentials_still_as_they_were_found_are_refreshed_with_the_refresh_token_read_now() {
        assertThat(what(DUE.reread(Optional.of(WANTING), Optional.empty()))).isEqualTo("refresh:refresh-a");
    }

    @Test
    void credentials_issued_after_the_wanting_ones_are_used_and_the_provider_is_not_asked() {
        SealedCredentials refreshedElsewhere = issued("b", ISSUED.plusSeconds(3300), true);

        assertThat(what(DUE.reread(Optional.of(refreshedElsewhere), Optional.empty())))
                .isEqualTo("renewed:access-b");
    }

    @Test
    void the_same_tokens_sealed_again_under_a_new_key_are_still_the_wanting_ones() {
        SealedCredentials resealed = new SealedCredentials(
                KEY,
                sealed("access-a-under-key-2"),
                Optional.of(sealed("refresh-a-under-key-2")),
                Optional.empty(),
                WANTING.accessTokenExpiresAt(),
                WANTING.scopes(),
                WANTING.providerUserId(),
                WANTING.connectedAt());

        assertThat(what(DUE.reread(Optional.of(resealed), Optional.empty())))
                .isEqualTo("refresh:refresh-a-under-key-2");
    }

    @Test
    void nothing_kept_for_the_connection_means_nothing_to_refresh() {
        assertThat(what(DUE.reread(Optional.empty(), Optional.empty()))).isEqualTo("disconnected");
    }

    @Test
    void without_a_refresh_token_the_credentials_cannot_be_renewed() {
        SealedCredentials oauth1Like = issued("c", ISSUED, false);

        assertThat(what(new RefreshDue(oauth1Like).reread(Optional.of(oauth1Like), Optional.empty())))
                .isEqualTo("not-refreshable");
    }

    @Test
    void a_refresh_held_in_the_inbox_is_newer_than_the_stored_credentials_and_counts() {
        SealedCredentials held = issued("b", ISSUED.plusSeconds(3300), true);
        RefreshDue dueSinceTheHeldOnes = new RefreshDue(held);

        Reread reread = dueSinceTheHeldOnes.reread(Optional.of(WANTING), Optional.of(held));

        assertThat(what(reread)).isEqualTo("refresh:refresh-b");
        reread.fold(r -> null, d -> null, n -> null, refreshable -> {
            assertThat(refreshable.held()).contains(held);
            assertThat(refreshable.stored())
                    .as("what the store is compared with")
                    .contains(WANTING);
            return null;
        });
    }

    @Test
    void an_inbox_entry_older_than_a_reconnect_is_ignored() {
        SealedCredentials held = issued("b", ISSUED.minusSeconds(60), true);

        Reread reread = DUE.reread(Optional.of(WANTING), Optional.of(held));

        assertThat(what(reread)).isEqualTo("refresh:refresh-a");
        reread.fold(r -> null, d -> null, n -> null, refreshable -> {
            assertThat(refreshable.held()).isEmpty();
            return null;
        });
    }

    @Test
    void new_tokens_keep_the_refresh_token_scopes_and_user_the_answer_leaves_out() {
        Reread.Refreshable refreshable = new Reread.Refreshable(WANTING, Optional.of(WANTING));
        TokenSet bare = new TokenSet(
                new AccessToken("new-access"),
                Optional.empty(),
                Optional.of(ISSUED.plusSeconds(7200)),
                List.of(),
                Optional.empty());

        RefreshOutcome outcome =
                refreshable.answered(new ExchangeResult.Exchanged(bare), new RefreshToken("refresh-sent"));

        TokenSet kept = outcome.fold(RefreshOutcome.Refreshed::tokens, reauth -> null, later -> null);
        assertThat(kept.accessToken()).isEqualTo(new AccessToken("new-access"));
        assertThat(kept.refreshToken()).contains(new RefreshToken("refresh-sent"));
        assertThat(kept.scopes()).containsExactly("read:recovery", "offline");
        assertThat(kept.providerUserId()).contains("whoop-user-9");
    }

    @Test
    void a_rotated_refresh_token_and_narrower_scopes_in_the_answer_are_taken() {
        Reread.Refreshable refreshable = new Reread.Refreshable(WANTING, Optional.of(WANTING));
        TokenSet rotated = new TokenSet(
                new AccessToken("new-access"),
                Optional.of(new RefreshToken("rotated")),
                Optional.empty(),
                List.of("offline"),
                Optional.of("whoop-user-9"));

        TokenSet kept = refreshable
                .answered(new ExchangeResult.Exchanged(rotated), new RefreshToken("refresh-sent"))
                .fold(RefreshOutcome.Refreshed::tokens, reauth -> null, later -> null);

        assertThat(kept.refreshToken()).contains(new RefreshToken("rotated"));
        assertThat(kept.scopes()).containsExactly("offline");
    }

    @Test
    void invalid_grant_requires_the_patient_and_a_server_error_is_retried() {
        Reread.Refreshable refreshable = new Reread.Refreshable(WANTING, Optional.of(WANTING));
        RefreshToken sent = new RefreshToken("refresh-sent");

        String refused = refreshable
                .answered(new ExchangeResult.Refused("invalid_grant"), sent)
                .fold(r -> "refreshed", reauth -> "reauth", later -> "later");
        String failed = refreshable
                .answered(new ExchangeResult.Failed("HTTP 503"), sent)
                .fold(r -> "refreshed", reauth -> "reauth", later -> "later");

        assertThat(refused).isEqualTo("reauth");
        assertThat(failed).isEqualTo("later");
    }

    @Test
    void only_credentials_issued_after_the_refreshed_ones_overtake_the_new_ones() {
        Reread.Refreshable refreshable = new Reread.Refreshable(WANTING, Optional.of(WANTING));

        assertThat(refreshable.overtakenBy(issued("reconnect", ISSUED.plusSeconds(1), true)))
                .isTrue();
        assertThat(refreshable.overtakenBy(WANTING)).isFalse();
        assertThat(refreshable.overtakenBy(issued("older", ISSUED.minusSeconds(1), true)))
                .isFalse();
    }
}
