package health.wearables.domain;

import static health.wearables.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stored connections and credentials held for a retry, as one listing with one line per connection. */
class ConnectionListingTest {
    private static final ConnectionKey WITHINGS = key("withings");
    private static final ConnectionKey OURA = key("oura");

    private static ConnectionKey key(String provider) {
        return new ConnectionKey(Fixtures.acme(), new PatientId("123"), new ProviderSlug(provider));
    }

    private static StoredConnection stored(ConnectionKey key, java.time.Instant connectedAt) {
        return new StoredConnection(
                key,
                "endpoint-" + key.provider().value(),
                ConnectionStatus.ACTIVE,
                connectedAt,
                Optional.of(connectedAt.plusSeconds(3600)),
                List.of("activity"));
    }

    private static SealedCredentials held(ConnectionKey key, java.time.Instant connectedAt) {
        return new SealedCredentials(
                key,
                new SealedToken(new byte[] {1, 2, 3}, 7),
                Optional.empty(),
                Optional.empty(),
                Optional.of(connectedAt.plusSeconds(60)),
                List.of("sleep"),
                Optional.empty(),
                connectedAt);
    }

    @Test
    void held_credentials_are_listed_as_pending_without_an_endpoint_and_without_any_token() {
        ConnectionListing listing = ConnectionListing.of(List.of(), List.of(held(WITHINGS, NOW)), true);

        assertThat(listing.connections())
                .containsExactly(new ListedConnection(
                        WITHINGS,
                        Optional.empty(),
                        ConnectionStatus.PENDING,
                        NOW,
                        Optional.of(NOW.plusSeconds(60)),
                        List.of("sleep")));
        assertThat(listing.complete()).isTrue();
    }

    @Test
    void stored_and_held_connections_of_different_providers_are_both_listed() {
        ConnectionListing listing =
                ConnectionListing.of(List.of(stored(OURA, NOW)), List.of(held(WITHINGS, NOW)), true);

        assertThat(listing.connections())
                .extracting(ListedConnection::key, ListedConnection::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OURA, ConnectionStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple(WITHINGS, ConnectionStatus.PENDING));
        assertThat(listing.connections().get(0).endpointId()).contains("endpoint-oura");
    }

    @Test
    void newer_held_credentials_replace_the_stored_connection_of_the_same_provider() {
        ConnectionListing listing =
                ConnectionListing.of(List.of(stored(WITHINGS, NOW)), List.of(held(WITHINGS, NOW.plusSeconds(5))), true);

        assertThat(listing.connections()).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(ConnectionStatus.PENDING);
            assertThat(line.endpointId()).isEmpty();
            assertThat(line.connectedAt()).isEqualTo(NOW.plusSeconds(5));
        });
    }

    @Test
    void a_stored_connection_as_new_as_the_held_credentials_or_newer_wins() {
        for (java.time.Instant storedAt : List.of(NOW, NOW.plusSeconds(5))) {
            ConnectionListing listing =
                    ConnectionListing.of(List.of(stored(WITHINGS, storedAt)), List.of(held(WITHINGS, NOW)), true);

            assertThat(listing.connections()).singleElement().satisfies(line -> {
                assertThat(line.status()).isEqualTo(ConnectionStatus.ACTIVE);
                assertThat(line.endpointId()).contains("endpoint-withings");
            });
        }
    }

    @Test
    void a_listing_says_whether_it_is_complete() {
        assertThat(ConnectionListing.of(List.of(), List.of(held(WITHINGS, NOW)), false)
                        .complete())
                .isFalse();
    }
}
