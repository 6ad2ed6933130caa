package health.wearables.adapters.fhir;

import health.wearables.application.port.out.UnitOfWork;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A step of the FHIR store: one database transaction that HAPI's DAO writes ({@link FhirConnectionStore}, {@link
 * FhirSyncPoints}) and the outbox ({@link FhirEventOutbox}) join. What must not run inside it (HAPI's expunge of
 * superseded versions) runs right after the commit.
 */
public final class FhirUnitOfWork implements UnitOfWork {
    private final TransactionTemplate transaction;

    public FhirUnitOfWork(EmbeddedFhirStore store) {
        this.transaction = new TransactionTemplate(store.transactions());
    }

    @Override
    public <T> T inOneStep(Supplier<T> work) {
        if (AfterStep.inStep()) {
            return work.get(); // a step inside a step is part of it
        }
        AfterStep.open();
        boolean committed = false;
        try {
            T result = StoreFailures.translated("step", () -> transaction.execute(status -> work.get()));
            committed = true;
            return result;
        } finally {
            boolean ran = committed;
            StoreFailures.translated("after the step", () -> {
                AfterStep.close(ran);
                return null;
            });
        }
    }
}
