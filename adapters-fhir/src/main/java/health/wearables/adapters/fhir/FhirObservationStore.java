package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.model.api.StorageResponseCodeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ConnectionEnded;
import health.wearables.application.port.out.ObservationStore;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.sync.ObservationDraft;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page of drafts as one FHIR transaction through HAPI's system DAO: the connection's {@code Device} created if it
 * is missing (a conditional create on its identifier, so there is one per connection), then each draft as a
 * conditional update of the Observation with its identifier. All of it commits in one database transaction or none of
 * it does. A draft synced again matches its Observation: a revised value makes a new version of it, an unchanged one
 * is an update HAPI recognises as no change and skips (JPA storage's {@code suppressUpdatesWithNoChange}, on by
 * default), and is not counted.
 *
 * <p>Writers racing on the same new records are serialised by HAPI's unique index on conditional URLs, and the loser
 * runs its page again: whatever the interleaving, one Device and one Observation per record, each counted
 * once.
 *
 * <p>A page holds the drafts of one connection only; a draft of another connection is refused before anything is
 * written. Two drafts with one identifier in a page are one record sent twice: the later one is written.
 *
 * <p>Every failure of the database becomes {@link health.wearables.application.port.out.ConnectionStoreUnavailable}
 * ({@link StoreFailures}).
 */
public final class FhirObservationStore implements ObservationStore {
    /** HAPI's storage outcomes of a write that stored nothing new. */
    private static final Set<String> UNCHANGED = Set.of(
            StorageResponseCodeEnum.SUCCESSFUL_UPDATE_NO_CHANGE.getCode(),
            StorageResponseCodeEnum.SUCCESSFUL_UPDATE_WITH_CONDITIONAL_MATCH_NO_CHANGE.getCode(),
            StorageResponseCodeEnum.SUCCESSFUL_CREATE_WITH_CONDITIONAL_MATCH.getCode());

    private static final int MAX_ATTEMPTS = 5;

    private final IFhirSystemDao<Bundle, Meta> system;
    private final ConfiguredProviders providers;
    private final LiveConnections live;
    private final TransactionTemplate pageTransaction;

    public FhirObservationStore(EmbeddedFhirStore store, ConfiguredProviders providers) {
        this.system = store.system();
        this.providers = providers;
        this.live = new LiveConnections(store);
        this.pageTransaction = new TransactionTemplate(store.transactions());
    }

    @Override
    public int write(ConnectionKey connection, List<ObservationDraft> page) {
        for (ObservationDraft draft : page) {
            if (!draft.connection().equals(connection)) {
                throw new IllegalArgumentException("a page holds the drafts of one connection only");
            }
        }
        if (page.isEmpty()) {
            return 0;
        }
        return StoreFailures.translated("write observations", () -> written(connection, page));
    }

    /**
     * Runs the page's transaction, and runs it again when it lost a race: two writers creating the same Device or
     * Observation at once are serialised by HAPI's unique index on conditional URLs, the second one fails when the
     * first commits, and its next attempt finds what the first created (and updates it, or finds it unchanged).
     *
     * <p>The page commits only while its connection is live: the transaction first locks the connection's Endpoint
     * ({@link LiveConnections}), so a disconnect either commits before (and the page is refused, {@link
     * ConnectionEnded}) or waits until the page has committed (hostile case 57).
     */
    private int written(ConnectionKey connection, List<ObservationDraft> page) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer changed = pageTransaction.execute(status -> {
                    live.lockWhileLive(connection);
                    return changed(system.transactionNested(new SystemRequestDetails(), transaction(connection, page)));
                });
                return changed == null ? 0 : changed;
            } catch (ResourceVersionConflictException lostRace) {
                if (attempt == MAX_ATTEMPTS) {
                    throw lostRace;
                }
            }
        }
    }

    private Bundle transaction(ConnectionKey connection, List<ObservationDraft> page) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        String device = placeholder("device/" + connection.canonical());
        bundle.addEntry()
                .setFullUrl(device)
                .setResource(DraftMapping.toDevice(connection, providerName(connection)))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Device")
                .setIfNoneExist(DraftMapping.deviceSearch(connection));
        Map<String, ObservationDraft> latest = new LinkedHashMap<>();
        page.forEach(draft -> latest.put(draft.identifier(), draft));
        for (ObservationDraft draft : latest.values()) {
            bundle.addEntry()
                    .setFullUrl(placeholder("observation/" + draft.identifier()))
                    .setResource(DraftMapping.toObservation(draft, new Reference(device)))
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT)
                    .setUrl(DraftMapping.observationSearch(draft));
        }
        return bundle;
    }

    /** A name of the resource inside the transaction, the same for the same resource every time. */
    private static String placeholder(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private String providerName(ConnectionKey connection) {
        return providers
                .find(connection.provider())
                .map(ConfiguredProvider::displayName)
                .orElse(connection.provider().value());
    }

    /** The Observations the transaction created or changed: every entry after the Device's that stored something. */
    private static int changed(Bundle response) {
        int changed = 0;
        List<Bundle.BundleEntryComponent> entries = response.getEntry();
        for (Bundle.BundleEntryComponent entry : entries.subList(1, entries.size())) {
            if (!unchanged(entry.getResponse())) {
                changed++;
            }
        }
        return changed;
    }

    private static boolean unchanged(Bundle.BundleEntryResponseComponent response) {
        if (!(response.getOutcome() instanceof OperationOutcome outcome)) {
            return false;
        }
        return outcome.getIssue().stream()
                .flatMap(issue -> issue.getDetails().getCoding().stream())
                .anyMatch(coding -> StorageResponseCodeEnum.SYSTEM.equals(coding.getSystem())
                        && UNCHANGED.contains(coding.getCode()));
    }
}
