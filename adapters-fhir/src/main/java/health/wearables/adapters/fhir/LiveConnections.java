package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import health.wearables.application.port.out.ConnectionEnded;
import health.wearables.domain.ConnectionKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/**
 * Holds a connection live for the rest of the current database transaction: its Endpoint's row in HAPI's resource
 * table is locked ({@code SELECT … FOR UPDATE}), then the version the lock found is read, and the transaction goes on
 * only if that version is not ended. An end of the connection ({@link FhirConnectionStore#end}) updates the same row,
 * so it waits for the transaction holding the lock, and a transaction that locks after the end sees it: whatever the
 * transaction writes for the connection commits before the end, or not at all (hostile case 57). The lock is taken
 * by pages of one connection only, which its sync lease already keeps to one writer at a time.
 *
 * <p>It reads the version the lock returned by its number, from HAPI's history table: a plain read in the transaction
 * could answer from what the persistence context loaded before the lock.
 */
final class LiveConnections {
    private static final String LOCK_ENDPOINT = "SELECT RES_VER FROM HFJ_RESOURCE"
            + " WHERE RES_TYPE = 'Endpoint' AND FHIR_ID = ?1 AND RES_DELETED_AT IS NULL FOR UPDATE";

    private final IFhirResourceDao<Endpoint> endpoints;
    private final EntityManagerFactory entityManagers;

    LiveConnections(EmbeddedFhirStore store) {
        this.endpoints = store.endpoints();
        this.entityManagers = store.bean(EntityManagerFactory.class);
    }

    /**
     * Locks the connection's Endpoint until the current transaction ends. A connection without an Endpoint has
     * nothing to lock and nothing that could end it: its pages are written as they are (the store does not decide
     * which connections exist; the sync syncs stored ones only).
     *
     * @throws ConnectionEnded when the connection's Endpoint has ended, or went away between the search and the lock
     */
    void lockWhileLive(ConnectionKey connection) {
        Optional<String> found = endpointId(connection);
        if (found.isEmpty()) {
            return;
        }
        String id = found.get();
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers);
        if (entityManager == null) {
            throw new IllegalStateException("no transaction to hold the connection's lock in");
        }
        List<?> versions = entityManager
                .createNativeQuery(LOCK_ENDPOINT)
                .setParameter(1, id)
                .getResultList();
        if (versions.isEmpty()) {
            throw new ConnectionEnded("the connection's Endpoint is gone");
        }
        long version = ((Number) versions.get(0)).longValue();
        Endpoint locked =
                endpoints.read(new IdType("Endpoint", id, Long.toString(version)), new SystemRequestDetails());
        if (EndpointMapping.endReason(locked).isPresent()) {
            throw new ConnectionEnded("the connection ended");
        }
    }

    private Optional<String> endpointId(ConnectionKey connection) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("identifier", new TokenParam(EndpointMapping.CONNECTION_SYSTEM, connection.canonical()));
        return endpoints.search(search, new SystemRequestDetails()).getAllResources().stream()
                .findFirst()
                .map(resource -> resource.getIdElement().getIdPart());
    }
}
