package health.wearables.adapters.rest.app;

import health.wearables.adapters.rest.app.Spans.Outcome;
import health.wearables.application.port.in.SyncConnection;
import health.wearables.application.port.out.ObservationStore;
import health.wearables.application.port.out.ProviderData;
import health.wearables.domain.ProviderSlug;
import java.util.Optional;

/**
 * A sync job as a span tree: {@code sync.run} (one job, its outcome), with a {@code sync.page} child for every page
 * read from the provider (outcome and how many measurements it held) and a {@code sync.write} child for every page
 * written to the FHIR store (how many Observations were created or changed). A job runs on a sync worker's thread, so
 * {@code sync.run} is the root of its trace.
 */
public final class TracedSyncSteps {
    private TracedSyncSteps() {}

    public static SyncConnection jobs(SyncConnection sync, Spans spans) {
        return (job, beforeEachPage) -> spans.step(
                "sync.run",
                job.key().provider().value(),
                () -> sync.sync(job, beforeEachPage),
                result -> Outcome.of(result.fold(
                        completed -> "completed",
                        deferred -> "deferred",
                        failed -> "failed",
                        reauth -> "reauth_required",
                        skipped -> "skipped")));
    }

    public static ProviderData pages(ProviderData data, Spans spans) {
        return new ProviderData() {
            @Override
            public boolean reads(ProviderSlug provider) {
                return data.reads(provider);
            }

            @Override
            public DataPage read(DataRequest request, Optional<Cursor> cursor) {
                return spans.step(
                        "sync.page",
                        request.provider().value(),
                        () -> data.read(request, cursor),
                        page -> page.fold(
                                read -> Outcome.of("read")
                                        .count(read.measurements().size()),
                                unauthorized -> Outcome.of("unauthorized"),
                                limited -> Outcome.of("rate_limited"),
                                unreadable -> Outcome.of("unreadable"),
                                unavailable -> Outcome.of("unavailable")));
            }
        };
    }

    public static ObservationStore writes(ObservationStore observations, Spans spans) {
        return (connection, page) -> spans.step(
                "sync.write",
                connection.provider().value(),
                () -> observations.write(connection, page),
                written -> Outcome.of("written").count(written));
    }
}
