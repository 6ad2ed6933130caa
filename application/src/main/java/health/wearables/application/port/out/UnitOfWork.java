package health.wearables.application.port.out;

import java.util.function.Supplier;

/**
 * One step of the connection store: the writes {@code work} makes to the store and to the {@link EventOutbox} commit
 * together or not at all. A change and the event that reports it are written in one step, so no crash between them can
 * lose the event (hostile case 64).
 */
@FunctionalInterface
public interface UnitOfWork {

    /**
     * Runs {@code work} in one step.
     *
     * @throws ConnectionStoreUnavailable when the store cannot be reached or the step cannot commit; nothing of it is
     *     then stored
     */
    <T> T inOneStep(Supplier<T> work);
}
