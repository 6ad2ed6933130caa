package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.wearables.application.port.out.SyncPoints;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Hashing;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sync point of a connection, kept in a resource of its own: one R4 {@code Basic} per connection, the <em>sync
 * state</em>, coded {@value #KIND_SYSTEM}{@code |}{@value #SYNC_STATE}, identified by {@value #STATE_SYSTEM} = the
 * connection's canonical key, about ({@code subject}) the connection's Endpoint, tagged with the project as every
 * resource the gateway writes, and holding the reach ({@value #EXT_REACH}, a {@code valueInstant}, absent until a sync
 * ended well having written something) and the last sync ({@value #EXT_LAST_OUTCOME}, {@code ok} or {@code failed};
 * {@value #EXT_LAST_FINISHED}, a {@code valueInstant}, to the microsecond or nanosecond the clock gave).
 *
 * <p>Why a resource of its own. It lives in the FHIR store with the connection, so it outlasts the queue. Not on the
 * Endpoint: the Endpoint's versions are the compare-and-set of a token refresh ({@link FhirConnectionStore#replace}),
 * and a sync must never make a refresh fail; recording a sync here leaves the Endpoint as it is. Not as meta tags
 * whose codes are the instants (what this adapter did before): each distinct code is a row of HAPI's tag definitions,
 * shared and never removed, two new rows a sync forever. Not on the Device: it is made by the first page of
 * Observations (a connection synced with nothing to write has none), it is served over {@code /fhir}, and its history
 * is kept. Here, every value is an extension of the one resource, and the only tag is the project's, whose definition
 * the Endpoint made already: no sync adds a tag definition.
 *
 * <p>Each record is one database transaction: the Endpoint is looked up (no Endpoint, no sync point: recording one for
 * a connection that is not stored does nothing), then the sync state is created if missing (under an id derived from
 * the connection, {@link #idOf}) or updated naming the version it read. The update makes a new version; the versions it superseded
 * are expunged right after the commit ({@link SupersededVersions}), so a connection keeps one sync state and one
 * version of it (one row of HAPI's history table) whatever the number of syncs. A record that changes nothing (the same
 * point recorded again) makes no version at all (HAPI's {@code suppressUpdatesWithNoChange}).
 *
 * <p>Reach only moves forward, and only by a sync that ended well: a failed sync, or one that wrote nothing, leaves it
 * where it was.
 *
 * <p>A connection is synced by one worker at a time. Should two records of one connection still meet, the one that
 * loses (HAPI's version check, its unique index of versions, or its unique index of resource ids when both create;
 * or a lock the database gave up on) runs again on what the winner committed, after a random pause that
 * grows with each loss, up to {@value #MAX_ATTEMPTS} attempts in all, so no reach is lost.
 *
 * <p>{@code /fhir} ({@link ProjectFhirServlet}) does not serve {@code Basic}: the sync state is read by the gateway
 * only, and a project sees what it says in the listing of its connections. No project, its own or another, can read it
 * over {@code /fhir}, not by read, search, include or history.
 *
 * <p>There is no migration from the tags: the gateway has not been released. A store that still has them starts each
 * connection without a sync point (its next sync reads back the backfill window); the old tags stay on the Endpoints
 * that carry them, unread.
 *
 * <p>Every failure of the database becomes {@link health.wearables.application.port.out.ConnectionStoreUnavailable}
 * ({@link StoreFailures}).
 */
public final class FhirSyncPoints implements SyncPoints {
    static final String KIND_SYSTEM = EndpointMapping.BASE + "CodeSystem/resource-kind";
    static final String SYNC_STATE = "sync-state";
    static final String STATE_SYSTEM = EndpointMapping.BASE + "NamingSystem/sync-state";
    static final String EXT_REACH = EndpointMapping.BASE + "StructureDefinition/sync-reach";
    static final String EXT_LAST_OUTCOME = EndpointMapping.BASE + "StructureDefinition/sync-last-outcome";
    static final String EXT_LAST_FINISHED = EndpointMapping.BASE + "StructureDefinition/sync-last-finished-at";

    private static final System.Logger LOG = System.getLogger(FhirSyncPoints.class.getName());
    /** Enough for four records meeting at once on a starved machine (12 ran out once at a load average of 20). */
    private static final int MAX_ATTEMPTS = 20;

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long MAX_PAUSE_MILLIS = 250;

    private final IFhirResourceDao<Endpoint> endpoints;
    private final IFhirResourceDao<Basic> states;
    private final TransactionTemplate transaction;
    private final SupersededVersions history;

    public FhirSyncPoints(EmbeddedFhirStore store) {
        this.endpoints = store.endpoints();
        this.states = store.basics();
        this.transaction = new TransactionTemplate(store.transactions());
        this.history = new SupersededVersions(states, LOG, "sync points");
    }

    @Override
    public Optional<SyncPoint> find(ConnectionKey connection) {
        return StoreFailures.translated(
                "find sync point", () -> stateOf(connection).flatMap(FhirSyncPoints::point));
    }

    @Override
    public void record(ConnectionKey connection, SyncPoint point) {
        StoreFailures.translated("record sync point", () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    Optional<IIdType> written = transaction.execute(status -> write(connection, point));
                    if (written != null) {
                        written.ifPresent(history::expungeAfter);
                    }
                    return;
                } catch (DataIntegrityViolationException
                        | ConcurrencyFailureException
                        | ResourceVersionConflictException lostRace) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw lostRace;
                    }
                    pause(attempt, lostRace);
                }
            }
        });
    }

    /**
     * A random pause before running again, up to twice as long after each lost attempt (10 ms, 20 ms, … at most
     * {@value #MAX_PAUSE_MILLIS} ms), so that records meeting at once do not meet again at once.
     */
    private static void pause(int attempt, RuntimeException lostRace) {
        long longest = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt - 1, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, longest + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw lostRace;
        }
    }

    /** The write of one record, inside its transaction: the id of the sync state written, none when nothing was. */
    private Optional<IIdType> write(ConnectionKey connection, SyncPoint point) {
        Optional<Endpoint> endpoint = endpointOf(connection);
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        Optional<Basic> stored = stateOf(connection);
        Optional<Instant> reachedBefore = stored.flatMap(FhirSyncPoints::reach);
        Optional<Instant> reach = point.outcome() == Outcome.OK ? later(reachedBefore, point.reach()) : reachedBefore;
        Basic state = toState(
                connection,
                endpoint.get().getIdElement().toUnqualifiedVersionless(),
                new SyncPoint(reach, point.finishedAt(), point.outcome()));
        if (stored.isEmpty()) {
            // created under an id of its own, derived from the connection: two records creating it at once meet on
            // HAPI's unique index of resource ids, and the loser runs again on what the winner committed (a
            // conditional create would not hold: its URL's unique row is dropped by the winner's next update)
            state.setId(new IdType("Basic", idOf(connection)));
            return Optional.of(states.update(state, new SystemRequestDetails()).getId());
        }
        // the version read: HAPI refuses the update if another record's landed in between
        state.setId(stored.get().getIdElement().toUnqualified());
        return Optional.of(states.update(state, new SystemRequestDetails()).getId());
    }

    static Basic toState(ConnectionKey connection, IIdType endpoint, SyncPoint point) {
        Basic state = new Basic();
        state.getMeta()
                .addTag(EndpointMapping.PROJECT_TAG_SYSTEM, connection.project().value(), null);
        state.addIdentifier(new Identifier().setSystem(STATE_SYSTEM).setValue(connection.canonical()));
        state.setCode(new CodeableConcept(new Coding(KIND_SYSTEM, SYNC_STATE, "Sync state of a connection")));
        state.setSubject(new Reference(endpoint.getResourceType() + "/" + endpoint.getIdPart()));
        point.reach().ifPresent(reach -> state.addExtension(EXT_REACH, instant(reach)));
        state.addExtension(EXT_LAST_OUTCOME, new CodeType(point.outcome().name().toLowerCase(Locale.ROOT)));
        state.addExtension(EXT_LAST_FINISHED, instant(point.finishedAt()));
        return state;
    }

    /** An instant as FHIR's instant, as precise as it is: HAPI keeps the fraction's digits beyond the millisecond. */
    private static InstantType instant(Instant instant) {
        return new InstantType(instant.toString());
    }

    private static Optional<Instant> later(Optional<Instant> one, Optional<Instant> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.filter(instant -> instant.isAfter(one.get())).or(() -> one);
    }

    private static Optional<Instant> reach(Basic state) {
        return instantOf(state, EXT_REACH);
    }

    /** The point the sync state holds; none for one this adapter did not write. */
    static Optional<SyncPoint> point(Basic state) {
        Optional<Outcome> outcome = Optional.ofNullable(state.getExtensionByUrl(EXT_LAST_OUTCOME))
                .map(Extension::getValue)
                .map(Type::primitiveValue)
                .flatMap(code -> List.of(Outcome.values()).stream()
                        .filter(each -> each.name().toLowerCase(Locale.ROOT).equals(code))
                        .findFirst());
        Optional<Instant> finishedAt = instantOf(state, EXT_LAST_FINISHED);
        if (outcome.isEmpty() || finishedAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SyncPoint(reach(state), finishedAt.get(), outcome.get()));
    }

    private static Optional<Instant> instantOf(Basic state, String url) {
        Extension extension = state.getExtensionByUrl(url);
        if (extension == null || !(extension.getValue() instanceof InstantType value) || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.getValueAsString()));
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    /** The sync state's id: {@code sync-} and 59 hex digits of the SHA-256 of the connection (ids are at most 64). */
    static String idOf(ConnectionKey connection) {
        return "sync-" + Hashing.sha256Hex(connection.canonical()).substring(0, 59);
    }

    /** The sync state of the connection, as stored. */
    Optional<Basic> stateOf(ConnectionKey connection) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add(Basic.SP_IDENTIFIER, new TokenParam(STATE_SYSTEM, connection.canonical()));
        return states.search(search, new SystemRequestDetails()).getAllResources().stream()
                .map(Basic.class::cast)
                .findFirst();
    }

    private Optional<Endpoint> endpointOf(ConnectionKey connection) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add(Endpoint.SP_IDENTIFIER, new TokenParam(EndpointMapping.CONNECTION_SYSTEM, connection.canonical()));
        return endpoints.search(search, new SystemRequestDetails()).getAllResources().stream()
                .map(Endpoint.class::cast)
                .findFirst();
    }
}
