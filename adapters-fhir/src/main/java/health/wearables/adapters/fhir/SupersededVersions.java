package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.ExpungeOptions;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.lang.System.Logger.Level;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Expunges every version of one resource but its current one, right after a write of it: the rows of HAPI's history
 * table (with the full resource text) and their tags. HAPI's own
 * {@link IFhirResourceDao#expunge(IIdType, ExpungeOptions, ca.uhn.fhir.rest.api.server.RequestDetails) expunge} of old
 * versions, which needs {@code expungeEnabled} ({@link HapiJpaConfiguration#storageSettings}). Used for the resources
 * the gateway rewrites and whose history nobody needs: the Endpoint ({@link FhirConnectionStore}, the superseded token
 * ciphertext) and the sync state ({@link FhirSyncPoints}, one version per sync otherwise).
 *
 * <p>It runs after the write, not in its transaction: HAPI's expunge refuses to run inside one (it opens its own), and
 * a write must not fail or roll back because its history could not be cleaned. So it can fail on its own (the
 * database went away right after the commit, two instances expunged the same version at once): that is a WARN, under
 * the writer's logger, naming the resource and the kinds of failure only, and the next write of the resource expunges
 * whatever is left. Between the write's commit and the expunge (or until that next write, should the process stop in
 * between), the superseded version is still there; a version 1 supersedes nothing and is not looked at.
 */
final class SupersededVersions {
    private final IFhirResourceDao<?> dao;
    private final System.Logger log;
    private final String writer;

    /** {@code writer} starts the WARN line, e.g. {@code connection store}. */
    SupersededVersions(IFhirResourceDao<?> dao, System.Logger log, String writer) {
        this.dao = dao;
        this.log = log;
        this.writer = writer;
    }

    /**
     * Expunges every version of the resource {@code written} names but its current one, and fails if it cannot: for
     * a write whose point is that nothing it superseded remains (an ended connection's tokens).
     */
    void expungeOrFail(IIdType written) {
        afterCommit(() -> dao.expunge(
                written.toUnqualifiedVersionless(),
                new ExpungeOptions().setExpungeOldVersions(true),
                new SystemRequestDetails()));
    }

    /**
     * Runs {@code expunge} now, or, inside a step ({@link FhirUnitOfWork}), right after the step commits: HAPI's
     * expunge opens its own transaction and refuses to run inside one. A failure after the commit reaches the step's
     * caller (the step's changes stand).
     */
    private static void afterCommit(Runnable expunge) {
        AfterStep.runAfterOrNow(expunge);
    }

    /** Expunges the versions {@code written} (the id a write answered, with its version) superseded; never throws. */
    void expungeAfter(IIdType written) {
        Long version = written.getVersionIdPartAsLong();
        if (version != null && version <= 1) {
            return;
        }
        IIdType resource = written.toUnqualifiedVersionless();
        afterCommit(() -> expungeOrWarn(resource));
    }

    private void expungeOrWarn(IIdType resource) {
        try {
            dao.expunge(resource, new ExpungeOptions().setExpungeOldVersions(true), new SystemRequestDetails());
        } catch (RuntimeException e) {
            log.log(
                    Level.WARNING,
                    "{0}: the superseded versions of {1} were not expunged ({2}); the next write of {1} expunges them",
                    writer,
                    resource.getValue(),
                    StoreFailures.kinds(e));
        }
    }
}
