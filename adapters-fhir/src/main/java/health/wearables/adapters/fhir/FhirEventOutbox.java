package health.wearables.adapters.fhir;

import health.wearables.application.port.out.EventOutbox;
import health.wearables.domain.ProjectId;
import health.wearables.domain.events.EventBody;
import health.wearables.domain.events.PlatformEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox as a table of the FHIR store's own database ({@value #TABLE}), written through the same entity manager as
 * HAPI's DAOs: an event recorded in a {@link FhirUnitOfWork} step commits with the change it reports, or not at all.
 * Outside a step, each call is its own transaction. The table is created at start if it is not there (the same DDL for
 * H2 and PostgreSQL); times are epoch milliseconds.
 */
public final class FhirEventOutbox implements EventOutbox {
    static final String TABLE = "wearables_event_outbox";
    private static final String DUE = "due";
    private static final String DELIVERED = "delivered";
    private static final String ABANDONED = "abandoned";
    private static final String COLUMNS = "id, project, event_type, body, recorded_at, attempts, last_outcome";

    private final EntityManagerFactory entityManagers;
    private final TransactionTemplate transaction;

    public FhirEventOutbox(EmbeddedFhirStore store) {
        this.entityManagers = store.bean(EntityManagerFactory.class);
        this.transaction = new TransactionTemplate(store.transactions());
        StoreFailures.translated(
                "outbox table",
                () -> inTransaction(entityManager -> {
                    entityManager
                            .createNativeQuery("CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(80) PRIMARY KEY,"
                                    + " project VARCHAR(64) NOT NULL, event_type VARCHAR(64) NOT NULL,"
                                    + " body VARCHAR(16000) NOT NULL, recorded_at BIGINT NOT NULL, next_at BIGINT NOT NULL,"
                                    + " attempts INTEGER NOT NULL, state VARCHAR(16) NOT NULL, last_outcome VARCHAR(600),"
                                    + " delivered_at BIGINT)")
                            .executeUpdate();
                    entityManager
                            .createNativeQuery(
                                    "CREATE INDEX IF NOT EXISTS " + TABLE + "_due ON " + TABLE + " (state, next_at)")
                            .executeUpdate();
                    return null;
                }));
    }

    @Override
    public void record(PlatformEvent event) {
        String body = EventBody.of(event);
        StoreFailures.translated(
                "outbox record",
                () -> inTransaction(entityManager -> entityManager
                        .createNativeQuery(
                                "INSERT INTO " + TABLE + " (id, project, event_type, body, recorded_at, next_at,"
                                        + " attempts, state) VALUES (?1, ?2, ?3, ?4, ?5, ?5, 0, '" + DUE + "')")
                        .setParameter(1, event.id())
                        .setParameter(2, event.connection().project().value())
                        .setParameter(3, event.type().wireName())
                        .setParameter(4, body)
                        .setParameter(5, event.timestamp().toEpochMilli())
                        .executeUpdate()));
    }

    /** Inserted unless the id is there: one statement, so two passes moving the same event cannot both insert it. */
    @Override
    public void adopt(Entry held) {
        StoreFailures.translated(
                "outbox adopt",
                () -> inTransaction(entityManager -> entityManager
                        .createNativeQuery("INSERT INTO " + TABLE + " (id, project, event_type, body, recorded_at,"
                                + " next_at, attempts, state, last_outcome) SELECT ?1, ?2, ?3, ?4, ?5, ?5, ?6, '" + DUE
                                + "', CAST(?7 AS VARCHAR(600)) FROM (SELECT 1 AS one) adopted WHERE NOT EXISTS (SELECT 1 FROM "
                                + TABLE
                                + " WHERE id = ?1)")
                        .setParameter(1, held.id())
                        .setParameter(2, held.project().value())
                        .setParameter(3, held.type())
                        .setParameter(4, held.body())
                        .setParameter(5, held.recordedAt().toEpochMilli())
                        .setParameter(6, held.attempts())
                        .setParameter(
                                7,
                                held.lastOutcome().map(FhirEventOutbox::bounded).orElse(null))
                        .executeUpdate()));
    }

    @Override
    public List<Entry> due(Instant now, int max) {
        return StoreFailures.translated(
                "outbox due",
                () -> inTransaction(entityManager -> entries(entityManager
                        .createNativeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE state = '" + DUE + "'"
                                + " AND next_at <= ?1 ORDER BY next_at, recorded_at, id")
                        .setParameter(1, now.toEpochMilli())
                        .setMaxResults(Math.max(1, max))
                        .getResultList())));
    }

    @Override
    public void delivered(String id, Instant at) {
        update(
                "UPDATE " + TABLE + " SET state = '" + DELIVERED + "', delivered_at = ?2 WHERE id = ?1",
                id,
                at.toEpochMilli());
    }

    @Override
    public void retryAt(String id, Instant next, int attempts, String lastOutcome) {
        StoreFailures.translated(
                "outbox retry",
                () -> inTransaction(entityManager -> entityManager
                        .createNativeQuery("UPDATE " + TABLE + " SET next_at = ?2, attempts = ?3, last_outcome = ?4"
                                + " WHERE id = ?1 AND state = '" + DUE + "'")
                        .setParameter(1, id)
                        .setParameter(2, next.toEpochMilli())
                        .setParameter(3, attempts)
                        .setParameter(4, bounded(lastOutcome))
                        .executeUpdate()));
    }

    @Override
    public void abandon(String id, String why) {
        update(
                "UPDATE " + TABLE + " SET state = '" + ABANDONED + "', last_outcome = ?2 WHERE id = ?1",
                id,
                bounded(why));
    }

    @Override
    public List<Entry> undelivered(ProjectId project, int max) {
        return StoreFailures.translated(
                "outbox undelivered",
                () -> inTransaction(entityManager -> entries(entityManager
                        .createNativeQuery("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE project = ?1"
                                + " AND state <> '" + DELIVERED + "' ORDER BY recorded_at, id")
                        .setParameter(1, project.value())
                        .setMaxResults(Math.max(1, max))
                        .getResultList())));
    }

    private void update(String statement, String id, Object value) {
        StoreFailures.translated(
                "outbox update",
                () -> inTransaction(entityManager -> entityManager
                        .createNativeQuery(statement)
                        .setParameter(1, id)
                        .setParameter(2, value)
                        .executeUpdate()));
    }

    /** In the step in progress, if there is one (the entity manager bound to it), else in a transaction of its own. */
    private <T> T inTransaction(Function<EntityManager, T> work) {
        return transaction.execute(status -> {
            EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers);
            if (entityManager == null) {
                throw new IllegalStateException("no transaction-bound entity manager for the outbox");
            }
            return work.apply(entityManager);
        });
    }

    private static List<Entry> entries(List<?> rows) {
        List<Entry> entries = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            entries.add(new Entry(
                    String.valueOf(columns[0]),
                    new ProjectId(String.valueOf(columns[1])),
                    String.valueOf(columns[2]),
                    String.valueOf(columns[3]),
                    Instant.ofEpochMilli(((Number) columns[4]).longValue()),
                    ((Number) columns[5]).intValue(),
                    Optional.ofNullable(columns[6]).map(String::valueOf)));
        }
        return entries;
    }

    private static String bounded(String text) {
        return text.length() <= 600 ? text : text.substring(0, 597) + "...";
    }
}
