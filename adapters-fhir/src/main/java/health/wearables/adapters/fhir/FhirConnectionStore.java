package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ReauthMarks;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Meta;

/**
 * Connections as FHIR R4 Endpoints in HAPI's JPA store, through HAPI's DAO layer; one store behind the four ports
 * of its roles (saving and listing, the sealed credentials, the sync marks, the reauth marks). One Endpoint per
 * project, patient and provider: a save is a conditional update on the connection identifier, so a reconnect makes a
 * new version of the same resource (and a second save of the same credentials is harmless).
 *
 * <p>Only the current version of an Endpoint is kept: every version that a write supersedes (a reconnect, a refresh, a
 * reauth mark) is expunged right after the write, so HAPI's history table keeps no token ciphertext the connection no
 * longer uses ({@link SupersededVersions}). The version number still counts on, so the compare-and-set of
 * {@link #replace} and {@link #markReauthRequired} works as before. The Observations keep their history: only the one
 * Endpoint written is expunged.
 *
 * <p>A connection whose patient must connect again is {@code suspended} ({@link EndpointMapping#REAUTH_REQUIRED}); a
 * reconnect writes it {@code active} again, and a refresh keeps whatever status it finds.
 *
 * <p>A connection waiting for its initial sync carries the meta tag {@value EndpointMapping#SYNC_TAG_SYSTEM}{@code
 * |}{@value EndpointMapping#SYNC_PENDING}, added and removed with HAPI's {@code $meta-add} and {@code $meta-delete}
 * (which make no new version of the Endpoint) and found with a {@code _tag} search.
 *
 * <p>Every failure of the database becomes {@link health.wearables.application.port.out.ConnectionStoreUnavailable}
 * ({@link StoreFailures}).
 */
public final class FhirConnectionStore implements ConnectionStore, StoredCredentials, SyncMarks, ReauthMarks {
    private static final System.Logger LOG = System.getLogger(FhirConnectionStore.class.getName());

    private final IFhirResourceDao<Endpoint> endpoints;
    private final ConfiguredProviders providers;
    private final SupersededVersions history;

    public FhirConnectionStore(EmbeddedFhirStore store, ConfiguredProviders providers) {
        this.endpoints = store.endpoints();
        this.providers = providers;
        this.history = new SupersededVersions(endpoints, LOG, "connection store");
    }

    @Override
    public StoredConnection save(SealedCredentials credentials) {
        return StoreFailures.translated("save", () -> write(credentials));
    }

    private StoredConnection write(SealedCredentials credentials) {
        // Only an OAuth 2.0 reconnect without a refresh token needs the stored one (never overwritten with nothing);
        // OAuth 1.0a token credentials are whole on their own.
        SealedCredentials merged = credentials.isWhole()
                ? credentials
                : find(credentials.key()).map(credentials::over).orElse(credentials);
        Endpoint endpoint = EndpointMapping.toEndpoint(merged, address(credentials.key()));
        DaoMethodOutcome outcome = endpoints.update(
                endpoint,
                "Endpoint?identifier=" + EndpointMapping.identifierSearch(credentials.key()),
                new SystemRequestDetails());
        history.expungeAfter(outcome.getId());
        Endpoint saved = (Endpoint) outcome.getResource();
        saved.setId(outcome.getId().toUnqualifiedVersionless());
        return EndpointMapping.toStoredConnection(saved);
    }

    private URI address(ConnectionKey key) {
        return providers
                .find(key.provider())
                .map(provider -> provider.endpoints().apiBase())
                .orElse(URI.create("urn:wearables:provider:" + key.provider().value()));
    }

    @Override
    public List<StoredConnection> list(ProjectId project, Optional<PatientId> patient) {
        return StoreFailures.translated("list", () -> listed(project, patient));
    }

    private List<StoredConnection> listed(ProjectId project, Optional<PatientId> patient) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        if (patient.isPresent()) {
            search.add(
                    "identifier",
                    new TokenParam(
                            EndpointMapping.PROJECT_PATIENT_SYSTEM,
                            project.value() + "/" + patient.get().value()));
        } else {
            search.add("_tag", new TokenParam(EndpointMapping.PROJECT_TAG_SYSTEM, project.value()));
        }
        search.setSort(new SortSpec("_id"));
        return search(search).stream()
                .map(EndpointMapping::toStoredConnection)
                .filter(connection -> connection.key().project().equals(project))
                .toList();
    }

    @Override
    public Optional<SealedCredentials> find(ConnectionKey key) {
        return StoreFailures.translated("find", () -> endpointOf(key).map(EndpointMapping::toCredentials));
    }

    @Override
    public void markSyncPending(ConnectionKey key) {
        StoreFailures.translated(
                "sync mark",
                () -> endpointOf(key)
                        .ifPresent(endpoint -> endpoints.metaAddOperation(
                                endpoint.getIdElement().toUnqualifiedVersionless(),
                                syncPendingTag(),
                                new SystemRequestDetails())));
    }

    @Override
    public List<StoredConnection> syncPending(int max) {
        return StoreFailures.translated("sync marks", () -> {
            SearchParameterMap search = SearchParameterMap.newSynchronous();
            search.add("_tag", new TokenParam(EndpointMapping.SYNC_TAG_SYSTEM, EndpointMapping.SYNC_PENDING));
            search.setLoadSynchronousUpTo(max);
            search.setSort(new SortSpec("_id"));
            return search(search).stream()
                    .map(EndpointMapping::toStoredConnection)
                    .toList();
        });
    }

    @Override
    public void clearSyncPending(ConnectionKey key) {
        StoreFailures.translated(
                "sync unmark",
                () -> endpointOf(key)
                        .ifPresent(endpoint -> endpoints.metaDeleteOperation(
                                endpoint.getIdElement().toUnqualifiedVersionless(),
                                syncPendingTag(),
                                new SystemRequestDetails())));
    }

    private static Meta syncPendingTag() {
        Meta meta = new Meta();
        meta.addTag(EndpointMapping.SYNC_TAG_SYSTEM, EndpointMapping.SYNC_PENDING, "Initial sync not queued yet");
        return meta;
    }

    private Optional<Endpoint> endpointOf(ConnectionKey key) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("identifier", new TokenParam(EndpointMapping.CONNECTION_SYSTEM, key.canonical()));
        return search(search).stream().findFirst();
    }

    @Override
    public List<ConnectionKey> keys() {
        return StoreFailures.translated("keys", this::allKeys);
    }

    private List<ConnectionKey> allKeys() {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("identifier", new TokenParam(EndpointMapping.CONNECTION_SYSTEM, null));
        return search(search).stream().map(EndpointMapping::key).toList();
    }

    /**
     * Compare and set: the stored Endpoint must still map to {@code expected}, and the update names the version that
     * was compared, so HAPI refuses it ({@link ResourceVersionConflictException}) if a save landed in between. The
     * Endpoint keeps the status it had: a refresh that read the credentials before a reauth mark landed does not make
     * the connection active again.
     */
    @Override
    public boolean replace(SealedCredentials expected, SealedCredentials replacement) {
        return StoreFailures.translated("replace", () -> compareAndSet(expected, replacement));
    }

    private boolean compareAndSet(SealedCredentials expected, SealedCredentials replacement) {
        if (!replacement.key().equals(expected.key())) {
            return false;
        }
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add(
                "identifier",
                new TokenParam(EndpointMapping.CONNECTION_SYSTEM, expected.key().canonical()));
        Optional<Endpoint> stored = search(search).stream().findFirst();
        if (stored.isEmpty() || !EndpointMapping.toCredentials(stored.get()).equals(expected)) {
            return false;
        }
        Endpoint endpoint = EndpointMapping.toEndpoint(replacement, address(replacement.key()));
        endpoint.setStatus(stored.get().getStatus());
        endpoint.setId(stored.get().getIdElement().toUnqualified());
        return versionCheckedUpdate(endpoint);
    }

    /**
     * Compare and set, as {@link #replace}: the stored Endpoint must still map to {@code refused}, and the update
     * (the stored Endpoint as it was read, {@code suspended}) names the version that was compared, so a reconnect or a
     * refresh that landed in between wins. A connection already marked with these credentials answers {@code true}.
     */
    @Override
    public boolean markReauthRequired(SealedCredentials refused) {
        return StoreFailures.translated("reauth mark", () -> suspend(refused));
    }

    private boolean suspend(SealedCredentials refused) {
        Optional<Endpoint> stored = endpointOf(refused.key());
        if (stored.isEmpty() || !EndpointMapping.toCredentials(stored.get()).equals(refused)) {
            return false;
        }
        Endpoint endpoint = stored.get();
        if (endpoint.getStatus() == EndpointMapping.REAUTH_REQUIRED) {
            return true;
        }
        endpoint.setStatus(EndpointMapping.REAUTH_REQUIRED);
        endpoint.setId(endpoint.getIdElement().toUnqualified());
        return versionCheckedUpdate(endpoint);
    }

    /** Updates the Endpoint only if the version its id names is still the current one; expunges what it superseded. */
    private boolean versionCheckedUpdate(Endpoint endpoint) {
        DaoMethodOutcome outcome;
        try {
            outcome = endpoints.update(endpoint, new SystemRequestDetails());
        } catch (ResourceVersionConflictException e) {
            return false;
        }
        history.expungeAfter(outcome.getId());
        return true;
    }

    private List<Endpoint> search(SearchParameterMap search) {
        List<IBaseResource> found =
                endpoints.search(search, new SystemRequestDetails()).getAllResources();
        return found.stream().map(Endpoint.class::cast).toList();
    }
}
