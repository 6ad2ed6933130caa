package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CredentialInbox} must do; run against the in-memory fake and against Redis. Instants are whole
 * milliseconds, the precision the stores keep.
 */
public abstract class CredentialInboxContract {
    private static final Duration TTL = Duration.ofDays(7);

    protected abstract CredentialInbox inbox();

    private static final TokenCipher CIPHER = new ReversibleTokenCipher();

    public static SealedCredentials credentials(ConnectionKey key, Instant connectedAt) {
        Instant at = connectedAt.truncatedTo(ChronoUnit.MILLIS);
        return new SealedCredentials(
                key,
                CIPHER.seal(key, TokenKind.ACCESS, "access-" + at.toEpochMilli()),
                Optional.of(CIPHER.seal(key, TokenKind.REFRESH, "refresh-" + at.toEpochMilli())),
                Optional.empty(),
                Optional.of(at.plusSeconds(3600)),
                List.of("activity", "sleep"),
                Optional.of("user-7"),
                at);
    }

    private static ConnectionKey samePatient(ConnectionKey key, String provider) {
        return new ConnectionKey(key.project(), key.patient(), new ProviderSlug(provider));
    }

    @Test
    void held_credentials_are_listed_for_their_patient_with_every_part_intact() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials held = credentials(key, Instant.now());

        inbox().hold(held, TTL);

        assertThat(inbox().held(key.project(), Optional.of(key.patient()))).containsExactly(held);
        SealedCredentials back =
                inbox().held(key.project(), Optional.of(key.patient())).get(0);
        assertThat(CIPHER.open(key, TokenKind.ACCESS, back.accessToken()))
                .isEqualTo("access-" + held.connectedAt().toEpochMilli());
        assertThat(CIPHER.open(key, TokenKind.REFRESH, back.refreshToken().orElseThrow()))
                .isEqualTo("refresh-" + held.connectedAt().toEpochMilli());
    }

    @Test
    void credentials_without_the_optional_parts_read_back_equal() {
        ConnectionKey key = Samples.connectionKey();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SealedCredentials bare = new SealedCredentials(
                key,
                CIPHER.seal(key, TokenKind.ACCESS, "a"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                at);

        inbox().hold(bare, TTL);

        assertThat(inbox().held(key.project(), Optional.of(key.patient()))).containsExactly(bare);
    }

    @Test
    void oauth1_token_credentials_keep_their_sealed_secret() {
        ConnectionKey key = Samples.connectionKey();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SealedCredentials oauth1 = new SealedCredentials(
                key,
                CIPHER.seal(key, TokenKind.ACCESS, "token"),
                Optional.empty(),
                Optional.of(CIPHER.seal(key, TokenKind.TOKEN_SECRET, "secret")),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                at);

        inbox().hold(oauth1, TTL);

        assertThat(inbox().held(key.project(), Optional.of(key.patient()))).containsExactly(oauth1);
    }

    @Test
    void a_project_sees_the_entries_of_all_its_patients_and_nothing_of_another_project() {
        ConnectionKey key = Samples.connectionKey();
        ConnectionKey otherPatient =
                new ConnectionKey(key.project(), new PatientId(Samples.unique("patient")), key.provider());
        ConnectionKey otherProject =
                new ConnectionKey(new ProjectId(Samples.unique("project")), key.patient(), key.provider());
        SealedCredentials one = credentials(key, Instant.now());
        SealedCredentials two = credentials(otherPatient, Instant.now());
        inbox().hold(one, TTL);
        inbox().hold(two, TTL);
        inbox().hold(credentials(otherProject, Instant.now()), TTL);

        assertThat(inbox().held(key.project(), Optional.empty())).containsExactlyInAnyOrder(one, two);
        assertThat(inbox().held(key.project(), Optional.of(otherPatient.patient())))
                .containsExactly(two);
        assertThat(inbox().held(new ProjectId(Samples.unique("nobody")), Optional.empty()))
                .isEmpty();
    }

    @Test
    void holding_again_replaces_the_older_entry_of_the_same_connection_and_keeps_other_providers() {
        ConnectionKey key = Samples.connectionKey();
        ConnectionKey oura = samePatient(key, "oura");
        Instant now = Instant.now();
        SealedCredentials older = credentials(key, now);
        SealedCredentials newer = credentials(key, now.plusSeconds(30));
        SealedCredentials atOura = credentials(oura, now);
        inbox().hold(older, TTL);
        inbox().hold(atOura, TTL);
        inbox().hold(newer, TTL);

        assertThat(inbox().held(key.project(), Optional.of(key.patient()))).containsExactlyInAnyOrder(newer, atOura);
    }

    @Test
    void waiting_entries_are_handed_out_for_the_retry_up_to_the_limit() {
        ConnectionKey key = Samples.connectionKey();
        List<SealedCredentials> held = List.of(
                credentials(key, Instant.now()),
                credentials(samePatient(key, "oura"), Instant.now()),
                credentials(samePatient(key, "polar"), Instant.now()));
        held.forEach(credentials -> inbox().hold(credentials, TTL));

        assertThat(inbox().waiting(10_000)).containsAll(held);
        assertThat(inbox().waiting(2)).hasSize(2);
    }

    @Test
    void removing_written_credentials_leaves_nothing_of_their_connection() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials held = credentials(key, Instant.now());
        inbox().hold(held, TTL);

        inbox().remove(held);

        assertThat(inbox().held(key.project(), Optional.of(key.patient()))).isEmpty();
        assertThat(inbox().waiting(10_000)).doesNotContain(held);
    }

    @Test
    void removing_older_credentials_keeps_the_newer_entry_that_replaced_them() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials older = credentials(key, Instant.now());
        SealedCredentials newer = credentials(key, Instant.now().plusSeconds(30));
        inbox().hold(older, TTL);
        inbox().hold(newer, TTL);

        inbox().remove(older);

        assertThat(inbox().held(key.project(), Optional.of(key.patient()))).containsExactly(newer);
    }

    @Test
    void removing_what_is_not_held_is_harmless() {
        ConnectionKey key = Samples.connectionKey();

        inbox().remove(credentials(key, Instant.now()));

        assertThat(inbox().held(key.project(), Optional.of(key.patient()))).isEmpty();
    }

    @Test
    void an_entry_is_gone_after_its_ttl() throws InterruptedException {
        ConnectionKey key = Samples.connectionKey();
        inbox().hold(credentials(key, Instant.now()), Duration.ofMillis(300));
        Thread.sleep(700);

        assertThat(inbox().held(key.project(), Optional.of(key.patient()))).isEmpty();
    }
}
