package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionEnding;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ReauthMarks;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.SyncMarks;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import health.wearables.domain.lifecycle.EndReason;
import java.net.URI;
import java.time.Clock;
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
public final class FhirConnectionStore
        implements ConnectionStore, StoredCredentials, SyncMarks, ReauthMarks, ConnectionEnding {
    private static final System.Logger LOG = System.getLogger(FhirConnectionStore.class.getName());
    /** How often an end is tried again when a refresh or reconnect changed the Endpoint in between. */
    private static final int END_ATTEMPTS = 5;

    private final IFhirResourceDao<Endpoint> endpoints;
    private final ConfiguredProviders providers;
    private final SupersededVersions history;
    private final ConnectionPurge purge;
    private final Clock clock;

    public FhirConnectionStore(EmbeddedFhirStore store, ConfiguredProviders providers) {
        this(store, providers, Clock.systemUTC());
    }

    public FhirConnectionStore(EmbeddedFhirStore store, ConfiguredProviders providers, Clock clock) {
        this.endpoints = store.endpoints();
        this.providers = providers;
        this.history = new SupersededVersions(endpoints, LOG, "connection store");
        this.purge = new ConnectionPurge(store);
        this.clock = clock;
    }

    @Override
    public Saved save(SealedCredentials credentials) {
        return StoreFailures.translated("save", () -> write(credentials));
    }

    /** One conditional update by the connection's identifier: HAPI says whether it created the Endpoint. */
    private Saved write(SealedCredentials credentials) {
        // Only an OAuth 2.0 reconnect without a refresh token needs the stored one (never overwritten with nothing);
        // OAuth 1.0a token credentials are whole on their own.
        SealedCredentials merged = credentials.isWhole()
                ? credentials
                : heldBy(credentials.key()).map(credentials::over).orElse(credentials);
        Endpoint endpoint = EndpointMapping.toEndpoint(merged, address(credentials.key()));
        DaoMethodOutcome outcome = endpoints.update(
                endpoint,
                "Endpoint?identifier=" + EndpointMapping.identifierSearch(credentials.key()),
                new SystemRequestDetails());
        history.expungeAfter(outcome.getId());
        Endpoint saved = (Endpoint) outcome.getResource();
        saved.setId(outcome.getId().toUnqualifiedVersionless());
        return new Saved(EndpointMapping.toStoredConnection(saved), !Boolean.TRUE.equals(outcome.getCreated()));
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
        return StoreFailures.translated("find", () -> heldBy(key));
    }

    /** The credentials the connection holds; an ended connection holds none. */
    private Optional<SealedCredentials> heldBy(ConnectionKey key) {
        return endpointOf(key).filter(EndpointMapping::holdsCredentials).map(EndpointMapping::toCredentials);
    }

    /**
     * Ends the connection: the Endpoint is written {@code off} with its reason and without any sealed token (a
     * version-checked update, tried again if a refresh or reconnect landed in between), and then every version before
     * that one is expunged, so no row of the database holds the connection's token ciphertext any more (hostile case
     * 62). Unlike after other writes, an expunge that fails here fails the call ({@code ConnectionStoreUnavailable}):
     * the end stands, and ending it again (the platform's retry of its {@code DELETE}) expunges what is left.
     */
    @Override
    public Ending end(ConnectionKey key, EndReason reason) {
        return StoreFailures.translated("end", () -> ended(key, reason));
    }

    private Ending ended(ConnectionKey key, EndReason reason) {
        for (int attempt = 1; ; attempt++) {
            Optional<Endpoint> stored = endpointOf(key);
            if (stored.isEmpty()) {
                return new NotFound();
            }
            Endpoint endpoint = stored.get();
            Optional<EndReason> before = EndpointMapping.endReason(endpoint);
            if (before.isPresent()) {
                history.expungeOrFail(endpoint.getIdElement());
                return new AlreadyEnded(before.get());
            }
            Optional<SealedCredentials> removed = EndpointMapping.holdsCredentials(endpoint)
                    ? Optional.of(EndpointMapping.toCredentials(endpoint))
                    : Optional.empty();
            Endpoint off = EndpointMapping.ended(endpoint, reason, clock.instant());
            try {
                DaoMethodOutcome outcome = endpoints.update(off, new SystemRequestDetails());
                history.expungeOrFail(outcome.getId());
                clearSyncPending(key);
                return new Ended(endpoint.getIdElement().getIdPart(), removed);
            } catch (ResourceVersionConflictException changedMeanwhile) {
                if (attempt == END_ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    @Override
    public void purge(ConnectionKey key) {
        StoreFailures.translated("purge", () -> {
            purge.purge(key);
            return null;
        });
    }

    @Override
    public List<StoredConnection> ofProviderUser(ProviderSlug provider, String providerUserId) {
        return StoreFailures.translated("provider user", () -> {
            SearchParameterMap search = SearchParameterMap.newSynchronous();
            search.add(
                    "identifier",
                    new TokenParam(EndpointMapping.PROVIDER_USER_SYSTEM + "/" + provider.value(), providerUserId));
            search.setSort(new SortSpec("_id"));
            return search(search).stream()
                    .map(EndpointMapping::toStoredConnection)
                    .filter(connection -> connection.key().provider().equals(provider))
                    .toList();
        });
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
        Optional<Endpoint> stored = search(search).stream()
                .filter(EndpointMapping::holdsCredentials)
                .findFirst();
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
        Optional<Endpoint> stored = endpointOf(refused.key()).filter(EndpointMapping::holdsCredentials);
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
