package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.PendingRevocations.Parked;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link PendingRevocations} must do; run against the fake and Redis. */
public abstract class PendingRevocationsContract {

    protected abstract PendingRevocations revocations();

    private final TokenCipher cipher = new ReversibleTokenCipher();
    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    private SealedCredentials sealed(ConnectionKey key) {
        return Samples.sealed(cipher, key, Samples.unique("access"), Optional.of(Samples.unique("refresh")));
    }

    private List<Parked> dueOf(ConnectionKey key, Instant at) {
        return revocations().due(at, 10_000).stream()
                .filter(parked -> parked.credentials().key().equals(key))
                .toList();
    }

    @Test
    void a_parked_revocation_is_due_at_once_with_its_credentials_and_no_failed_ask() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials credentials = sealed(key);

        revocations().park(credentials, now, now);

        assertThat(dueOf(key, now)).containsExactly(new Parked(credentials, now, 0));
    }

    @Test
    void a_retry_is_not_due_before_its_time_and_counts_its_attempts() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials credentials = sealed(key);
        revocations().park(credentials, now, now);

        revocations().retryAt(key, now.plusSeconds(60), 3);

        assertThat(dueOf(key, now.plusSeconds(59))).isEmpty();
        assertThat(dueOf(key, now.plusSeconds(60))).containsExactly(new Parked(credentials, now, 3));
    }

    @Test
    void a_dropped_revocation_is_never_due_again_and_a_retry_of_it_brings_nothing_back() {
        ConnectionKey key = Samples.connectionKey();
        revocations().park(sealed(key), now, now);

        revocations().drop(key);
        revocations().retryAt(key, now, 1);

        assertThat(dueOf(key, now.plusSeconds(3600))).isEmpty();
    }

    @Test
    void parking_again_replaces_the_credentials_of_the_connection() {
        ConnectionKey key = Samples.connectionKey();
        revocations().park(sealed(key), now, now);
        SealedCredentials newer = sealed(key);

        revocations().park(newer, now.plusSeconds(1), now.plusSeconds(1));

        assertThat(dueOf(key, now.plusSeconds(1))).containsExactly(new Parked(newer, now.plusSeconds(1), 0));
    }

    @Test
    void due_gives_at_most_what_is_asked() {
        for (int each = 0; each < 3; each++) {
            revocations().park(sealed(Samples.connectionKey()), now, now);
        }

        assertThat(revocations().due(now, 2)).hasSize(2);
    }

    @Test
    void renewing_replaces_the_credentials_and_keeps_when_parked_the_attempts_and_when_due() {
        ConnectionKey key = Samples.connectionKey();
        revocations().park(sealed(key), now, now);
        revocations().retryAt(key, now.plusSeconds(60), 2);
        SealedCredentials renewed = sealed(key);

        revocations().renew(renewed);

        assertThat(dueOf(key, now.plusSeconds(59))).isEmpty();
        assertThat(dueOf(key, now.plusSeconds(60))).containsExactly(new Parked(renewed, now, 2));
    }

    @Test
    void renewing_a_revocation_that_is_not_parked_parks_nothing() {
        ConnectionKey key = Samples.connectionKey();

        revocations().renew(sealed(key));

        assertThat(dueOf(key, now.plusSeconds(86_400))).isEmpty();
    }

    @Test
    void a_revocation_parked_to_be_asked_later_is_due_then_and_counts_its_time_from_when_it_was_parked() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials credentials = sealed(key);

        revocations().park(credentials, now, now.plusSeconds(30));

        assertThat(dueOf(key, now.plusSeconds(29))).isEmpty();
        assertThat(dueOf(key, now.plusSeconds(30))).containsExactly(new Parked(credentials, now, 0));
    }
}
