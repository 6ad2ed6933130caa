package health.wearables.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.lifecycle.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hostile case 67: from its retirement day, a provider's connections become {@code retired}, each exactly once. */
class RetireConnectionsServiceTest {
    private static final Instant DAY_BEGINS = Instant.parse("2026-10-30T00:00:00Z");
    private static final ConnectionKey ACME_FITBIT = Gateway.key("acme", "123", "fitbit");
    private static final ConnectionKey GLOBEX_FITBIT = Gateway.key("globex", "456", "fitbit");
    private static final ConnectionKey ACME_OURA = Gateway.key("acme", "123", "oura");
    private static final ConnectionKey ACME_LEGACY = Gateway.key("acme", "789", "garmin-legacy");

    private final MutableClock clock = new MutableClock(DAY_BEGINS.minusNanos(1));
    private final FakeRetirements retirements = new FakeRetirements();
    private final CountingKeys stored = new CountingKeys(ACME_FITBIT, ACME_OURA, GLOBEX_FITBIT, ACME_LEGACY);
    private final RecordingEnding ending = new RecordingEnding(stored.keys);
    private final RetireConnectionsService pass =
            new RetireConnectionsService(retirements, stored, ending, clock, Events.discarded());

    RetireConnectionsServiceTest() {
        retirements.retire("fitbit", LocalDate.of(2026, 10, 30), "google-health");
        retirements.retire("garmin-legacy", LocalDate.of(2026, 12, 31), "garmin");
    }

    @Test
    void while_no_retirement_has_come_the_pass_reads_no_store_at_all() {
        assertThat(pass.retireDue()).isZero();
        assertThat(new RetireConnectionsService(new FakeRetirements(), stored, ending, clock, Events.discarded())
                        .retireDue())
                .isZero();

        assertThat(stored.reads).isZero();
        assertThat(ending.calls).isEmpty();
    }

    @Test
    void from_the_start_of_its_day_every_connection_of_the_retired_provider_is_ended_as_retired_and_no_other() {
        clock.advance(Duration.ofNanos(1));

        assertThat(pass.retireDue()).isEqualTo(2);

        assertThat(ending.calls)
                .containsExactly(new Call(ACME_FITBIT, EndReason.RETIRED), new Call(GLOBEX_FITBIT, EndReason.RETIRED));
        assertThat(ending.ended).containsOnlyKeys(ACME_FITBIT, GLOBEX_FITBIT);
    }

    @Test
    void a_second_pass_ends_nothing_twice() {
        clock.advance(Duration.ofMinutes(1));
        pass.retireDue();

        assertThat(pass.retireDue()).isZero();

        assertThat(ending.calls.stream().filter(call -> call.key().equals(ACME_FITBIT)))
                .hasSize(2); // asked again within the first hour, but AlreadyEnded: ended once
        assertThat(ending.endings(ACME_FITBIT)).isEqualTo(1);
    }

    @Test
    void connections_already_ended_or_gone_are_skipped_without_counting() {
        clock.advance(Duration.ofMinutes(1));
        ending.ended.put(ACME_FITBIT, EndReason.DISCONNECTED);
        ending.gone.add(GLOBEX_FITBIT);

        assertThat(pass.retireDue()).isZero();

        assertThat(ending.ended).containsEntry(ACME_FITBIT, EndReason.DISCONNECTED);
    }

    @Test
    void an_unreachable_store_stops_the_pass_and_the_next_pass_goes_on() {
        clock.advance(Duration.ofMinutes(1));
        ending.failOnCall = 2;

        assertThat(pass.retireDue()).isEqualTo(1);
        assertThat(ending.ended).containsOnlyKeys(ACME_FITBIT);

        assertThat(pass.retireDue()).isEqualTo(1);
        assertThat(ending.ended).containsOnlyKeys(ACME_FITBIT, GLOBEX_FITBIT);
        assertThat(ending.endings(ACME_FITBIT)).isEqualTo(1);
    }

    @Test
    void an_unreachable_key_listing_retires_nothing_and_the_next_pass_does() {
        clock.advance(Duration.ofMinutes(1));
        stored.available = false;
        assertThat(pass.retireDue()).isZero();

        stored.available = true;
        assertThat(pass.retireDue()).isEqualTo(2);
    }

    @Test
    void a_provider_swept_completely_an_hour_into_its_day_is_not_read_for_again() {
        clock.advance(RetireConnectionsService.LONGEST_STATE.plusNanos(1)); // 01:00Z on the day
        pass.retireDue();
        int reads = stored.reads;

        assertThat(pass.retireDue()).isZero();
        assertThat(stored.reads).isEqualTo(reads);
    }

    @Test
    void a_connection_a_late_callback_stores_in_the_first_hour_is_retired_by_a_later_pass() {
        clock.advance(Duration.ofMinutes(5));
        pass.retireDue();
        ConnectionKey late = Gateway.key("acme", "999", "fitbit");
        stored.keys.add(late);
        clock.advance(Duration.ofMinutes(55));

        assertThat(pass.retireDue()).isEqualTo(1);
        assertThat(ending.ended).containsKey(late);
    }

    @Test
    void each_provider_retires_on_its_own_day() {
        clock.advance(Duration.ofDays(62).plusNanos(1)); // 2026-12-31T00:00Z

        assertThat(pass.retireDue()).isEqualTo(3);

        assertThat(ending.ended).containsOnlyKeys(ACME_FITBIT, GLOBEX_FITBIT, ACME_LEGACY);
    }

    record Call(ConnectionKey key, EndReason reason) {}

    /** Stored connection keys, counting how often they are read; nothing else is asked of them here. */
    private static final class CountingKeys implements StoredCredentials {
        final List<ConnectionKey> keys;
        int reads;
        boolean available = true;

        CountingKeys(ConnectionKey... keys) {
            this.keys = new ArrayList<>(List.of(keys));
        }

        @Override
        public List<ConnectionKey> keys() {
            reads++;
            if (!available) {
                throw new ConnectionStoreUnavailable("keys: connection store down", new IllegalStateException());
            }
            return List.copyOf(keys);
        }

        @Override
        public Optional<SealedCredentials> find(ConnectionKey key) {
            throw new UnsupportedOperationException("the retirement pass does not read credentials");
        }

        @Override
        public boolean replace(SealedCredentials expected, SealedCredentials replacement) {
            throw new UnsupportedOperationException("the retirement pass does not replace credentials");
        }
    }

    /** Ends a stored connection once, remembering why; a connection not stored is not found. */
    private static final class RecordingEnding implements ConnectionEnding {
        final List<ConnectionKey> stored;
        final List<Call> calls = new ArrayList<>();
        final Map<ConnectionKey, EndReason> ended = new LinkedHashMap<>();
        final List<ConnectionKey> gone = new ArrayList<>();
        final List<ConnectionKey> endedNow = new ArrayList<>();
        int failOnCall;

        RecordingEnding(List<ConnectionKey> stored) {
            this.stored = stored;
        }

        @Override
        public Ending end(ConnectionKey key, EndReason reason) {
            calls.add(new Call(key, reason));
            if (calls.size() == failOnCall) {
                throw new ConnectionStoreUnavailable("end: connection store down", new IllegalStateException());
            }
            if (gone.contains(key) || !stored.contains(key)) {
                return new NotFound();
            }
            if (ended.containsKey(key)) {
                return new AlreadyEnded(ended.get(key));
            }
            ended.put(key, reason);
            endedNow.add(key);
            return new Ended("1", Optional.empty());
        }

        /** How often an end ended this connection (not how often it was asked). */
        long endings(ConnectionKey key) {
            return endedNow.stream().filter(key::equals).count();
        }

        @Override
        public void purge(ConnectionKey key) {
            throw new UnsupportedOperationException("the retirement pass purges nothing");
        }

        @Override
        public List<health.wearables.domain.StoredConnection> ofProviderUser(
                ProviderSlug provider, String providerUserId) {
            throw new UnsupportedOperationException("the retirement pass looks up no provider user");
        }
    }
}
