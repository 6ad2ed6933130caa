package health.wearables.application.service;

import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.UnitOfWork;
import health.wearables.domain.events.PlatformEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Makes a change and records the event that reports it in one step of the store ({@link UnitOfWork}): the event is
 * recorded only if the change is, and the change only with its event.
 *
 * @param units  the store's steps
 * @param outbox where events wait for delivery
 * @param ids    the events' ids
 */
public record Reporting(UnitOfWork units, EventOutbox outbox, EventIds ids) {

    public Reporting {
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(ids, "ids");
    }

    /**
     * Runs {@code change}; then records what {@code report} makes of its result (given a fresh event id), if anything;
     * both in one step.
     */
    <T> T step(Supplier<T> change, BiFunction<T, String, Optional<PlatformEvent>> report) {
        return units.inOneStep(() -> {
            T result = change.get();
            report.apply(result, ids.next()).ifPresent(outbox::record);
            return result;
        });
    }
}
