package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.domain.ConnectionKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryObservationStoreTest extends ObservationStoreContract {
    private final InMemoryObservationStore store = new InMemoryObservationStore();

    @Override
    protected ObservationStore store() {
        return store;
    }

    @Override
    protected List<Written> written(ConnectionKey connection) {
        return store.of(connection).stream()
                .map(stored -> new Written(
                        stored.draft().identifier(),
                        stored.draft().type(),
                        stored.draft().value(),
                        stored.draft().effective(),
                        stored.version()))
                .toList();
    }

    @Test
    void switched_off_it_fails_as_an_unreachable_store_and_writes_nothing() {
        ConnectionKey connection = Samples.connectionKey();
        store.setAvailable(false);

        assertThatThrownBy(() -> store.write(connection, List.of(heartRate(connection, "hr-1", 64))))
                .isInstanceOf(ConnectionStoreUnavailable.class);

        store.setAvailable(true);
        assertThat(store.size()).isZero();
    }
}
