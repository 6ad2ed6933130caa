package health.wearables.application.port.out;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemorySyncPointsTest extends SyncPointsContract {
    private final InMemoryConnectionStore store = new InMemoryConnectionStore();
    private final InMemorySyncPoints points = new InMemorySyncPoints(store);

    @Override
    protected SyncPoints points() {
        return points;
    }

    @Override
    protected ConnectionStore store() {
        return store;
    }

    @Test
    void switched_off_it_fails_as_an_unreachable_store() {
        points.setAvailable(false);

        assertThatThrownBy(() -> points.find(Samples.connectionKey())).isInstanceOf(ConnectionStoreUnavailable.class);
        assertThatThrownBy(() -> points.record(
                        Samples.connectionKey(),
                        new SyncPoints.SyncPoint(Optional.empty(), Instant.now(), SyncPoints.Outcome.FAILED)))
                .isInstanceOf(ConnectionStoreUnavailable.class);
    }
}
