package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.wearables.application.port.out.SyncPoints;
import health.wearables.domain.ConnectionKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sync point of a connection, kept on its Endpoint as two meta tags: {@value #REACH_SYSTEM}, whose code is the
 * instant the data is synced up to, and {@value #LAST_SYSTEM}, whose code is how the last sync ended and when
 * ({@code ok/2026-11-02T12:00:30Z}, {@code failed/…}). They are written with HAPI's {@code $meta-delete} and {@code
 * $meta-add}, in one database transaction, and neither makes a new version of the Endpoint: recording a sync copies
 * no token ciphertext into the Endpoint's history, and does not move the version a compare-and-set of the credentials
 * reads. Tags survive the updates of a reconnect or a refresh, as the {@code sync|pending} mark does, and a project
 * reading its Endpoint over {@code /fhir} sees them.
 *
 * <p>Reach only moves forward, and only by a sync that ended well: a failed sync, or one that wrote nothing, leaves
 * it where it was. A connection that is not stored has no sync point, and recording one for it does nothing.
 *
 * <p>The cost: each distinct code is a row of HAPI's tag definitions, shared by every resource carrying it and never
 * removed. That is at most two small rows a sync, against the dozens of rows of the Observations a sync writes.
 *
 * <p>A connection is synced by one worker at a time. Should two records of one connection still meet, the one that
 * loses on HAPI's unique tag index runs again; should both pass, the read takes the farthest reach and the latest end,
 * and the next record leaves one tag of each kind.
 *
 * <p>Every failure of the database becomes {@link health.wearables.application.port.out.ConnectionStoreUnavailable}
 * ({@link StoreFailures}).
 */
public final class FhirSyncPoints implements SyncPoints {
    static final String REACH_SYSTEM = EndpointMapping.BASE + "CodeSystem/sync-reach";
    static final String LAST_SYSTEM = EndpointMapping.BASE + "CodeSystem/sync-last";
    private static final int MAX_ATTEMPTS = 3;

    private final IFhirResourceDao<Endpoint> endpoints;
    private final TransactionTemplate transaction;

    public FhirSyncPoints(EmbeddedFhirStore store) {
        this.endpoints = store.endpoints();
        this.transaction = new TransactionTemplate(store.transactions());
    }

    @Override
    public Optional<SyncPoint> find(ConnectionKey connection) {
        return StoreFailures.translated(
                "find sync point", () -> endpointOf(connection).flatMap(FhirSyncPoints::point));
    }

    @Override
    public void record(ConnectionKey connection, SyncPoint point) {
        StoreFailures.translated("record sync point", () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    transaction.executeWithoutResult(
                            status -> endpointOf(connection).ifPresent(endpoint -> replace(endpoint, point)));
                    return;
                } catch (DataIntegrityViolationException | ResourceVersionConflictException lostRace) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw lostRace;
                    }
                }
            }
        });
    }

    /**
     * Removes the tags that no longer hold and adds the new ones; a tag that still holds is left alone (removed and
     * added again in one transaction, it would break HAPI's unique index of a resource's tags).
     */
    private void replace(Endpoint endpoint, SyncPoint point) {
        Optional<Instant> reachedBefore = point(endpoint).flatMap(SyncPoint::reach);
        Optional<Instant> reach = point.outcome() == Outcome.OK ? later(reachedBefore, point.reach()) : reachedBefore;
        List<Coding> wanted = new ArrayList<>();
        reach.ifPresent(instant -> wanted.add(new Coding(REACH_SYSTEM, instant.toString(), "Synced up to")));
        wanted.add(new Coding(LAST_SYSTEM, lastCode(point), "Last sync: outcome/finished at"));
        List<Coding> present = syncTags(endpoint);
        Meta stale = new Meta();
        present.stream()
                .filter(tag -> wanted.stream().noneMatch(other -> same(tag, other)))
                .forEach(stale::addTag);
        Meta fresh = new Meta();
        wanted.stream()
                .filter(tag -> present.stream().noneMatch(other -> same(tag, other)))
                .forEach(fresh::addTag);
        IdType id = endpoint.getIdElement().toUnqualifiedVersionless();
        if (stale.hasTag()) {
            endpoints.metaDeleteOperation(id, stale, new SystemRequestDetails());
        }
        if (fresh.hasTag()) {
            endpoints.metaAddOperation(id, fresh, new SystemRequestDetails());
        }
    }

    private static List<Coding> syncTags(Endpoint endpoint) {
        return endpoint.getMeta().getTag().stream()
                .filter(tag -> REACH_SYSTEM.equals(tag.getSystem()) || LAST_SYSTEM.equals(tag.getSystem()))
                .map(tag -> new Coding(tag.getSystem(), tag.getCode(), null))
                .toList();
    }

    /** One tag, whatever its display: a tag is its system and code. */
    private static boolean same(Coding one, Coding other) {
        return one.getSystem().equals(other.getSystem()) && one.getCode().equals(other.getCode());
    }

    private static String lastCode(SyncPoint point) {
        return point.outcome().name().toLowerCase(Locale.ROOT) + "/" + point.finishedAt();
    }

    private static Optional<Instant> later(Optional<Instant> one, Optional<Instant> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.filter(instant -> instant.isAfter(one.get())).or(() -> one);
    }

    /** The point the tags say: the farthest reach, and the last sync that ended latest. */
    private static Optional<SyncPoint> point(Endpoint endpoint) {
        List<Coding> tags = syncTags(endpoint);
        Optional<Instant> reach = tags.stream()
                .filter(tag -> REACH_SYSTEM.equals(tag.getSystem()))
                .flatMap(tag -> instant(tag.getCode()).stream())
                .max(Comparator.naturalOrder());
        return tags.stream()
                .filter(tag -> LAST_SYSTEM.equals(tag.getSystem()))
                .flatMap(tag -> last(tag.getCode(), reach).stream())
                .max(Comparator.comparing(SyncPoint::finishedAt));
    }

    /** A last-sync code read back; none for a code this adapter did not write. */
    private static Optional<SyncPoint> last(String code, Optional<Instant> reach) {
        int slash = code == null ? -1 : code.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<Outcome> outcome = List.of(Outcome.values()).stream()
                .filter(each -> each.name().toLowerCase(Locale.ROOT).equals(code.substring(0, slash)))
                .findFirst();
        Optional<Instant> finishedAt = instant(code.substring(slash + 1));
        if (outcome.isEmpty() || finishedAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SyncPoint(reach, finishedAt.get(), outcome.get()));
    }

    private static Optional<Instant> instant(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(code));
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    private Optional<Endpoint> endpointOf(ConnectionKey connection) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("identifier", new TokenParam(EndpointMapping.CONNECTION_SYSTEM, connection.canonical()));
        return endpoints.search(search, new SystemRequestDetails()).getAllResources().stream()
                .map(Endpoint.class::cast)
                .findFirst();
    }
}
