package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.PendingRevocations.Parked;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link PendingRevocations} must do; run against the fake and Redis. */
public abstract class PendingRevocationsContract {

    protected abstract PendingRevocations revocations();

    private final TokenCipher cipher = new ReversibleTokenCipher();
    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    private SealedCredentials sealed(ConnectionKey key) {
        return Samples.sealed(cipher, key, Samples.unique("access"), Optional.of(Samples.unique("refresh")));
    }

    /** What of {@code key} is due at {@code at}: claimed until {@code at}, so it stays due then. */
    private List<Parked> dueOf(ConnectionKey key, Instant at) {
        return revocations().claimDue(at, 10_000, at).stream()
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
    void a_claim_takes_at_most_what_is_asked() {
        for (int each = 0; each < 3; each++) {
            revocations().park(sealed(Samples.connectionKey()), now, now);
        }

        assertThat(revocations().claimDue(now, 2, now.plusSeconds(120))).hasSize(2);
    }

    @Test
    void a_claimed_revocation_is_not_due_again_until_the_claim_ends() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials credentials = sealed(key);
        revocations().park(credentials, now, now);

        assertThat(revocations().claimDue(now, 10_000, now.plusSeconds(120)).stream()
                        .filter(parked -> parked.credentials().key().equals(key)))
                .containsExactly(new Parked(credentials, now, 0));

        assertThat(dueOf(key, now.plusSeconds(119))).isEmpty();
        assertThat(dueOf(key, now.plusSeconds(120))).containsExactly(new Parked(credentials, now, 0));
    }

    @Test
    void a_claim_settled_by_a_retry_is_due_when_the_retry_says() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials credentials = sealed(key);
        revocations().park(credentials, now, now);
        revocations().claimDue(now, 10_000, now.plusSeconds(120));

        revocations().retryAt(key, now.plusSeconds(30), 1);

        assertThat(dueOf(key, now.plusSeconds(30))).containsExactly(new Parked(credentials, now, 1));
    }

    @Test
    void two_claims_at_once_never_take_the_same_revocation() throws Exception {
        Set<ConnectionKey> parkedKeys = new HashSet<>();
        for (int each = 0; each < 40; each++) {
            SealedCredentials credentials = sealed(Samples.connectionKey());
            revocations().park(credentials, now, now);
            parkedKeys.add(credentials.key());
        }
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<List<ConnectionKey>> claimer = () -> {
            together.await();
            List<ConnectionKey> taken = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                revocations().claimDue(now, 3, now.plusSeconds(120)).stream()
                        .map(parked -> parked.credentials().key())
                        .filter(parkedKeys::contains)
                        .forEach(taken::add);
            }
            return taken;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<List<ConnectionKey>> first = two.submit(claimer);
            Future<List<ConnectionKey>> second = two.submit(claimer);
            List<ConnectionKey> all = new ArrayList<>(first.get(30, TimeUnit.SECONDS));
            all.addAll(second.get(30, TimeUnit.SECONDS));

            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(parkedKeys);
        } finally {
            two.shutdownNow();
        }
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
