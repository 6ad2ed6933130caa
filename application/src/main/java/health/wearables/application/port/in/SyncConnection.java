package health.wearables.application.port.in;

import health.wearables.domain.SyncJob;
import health.wearables.domain.sync.SyncResult;

/**
 * Runs one sync job: what the provider holds for the patient in the job's window, read page by page, written as
 * Observations (one transaction a page, idempotent), and the connection's sync point advanced once every page is in.
 * Only an active connection is read; its access token is refreshed first when it is about to expire. The answer says
 * how it ended, for the worker (acknowledge, or not before an instant), metrics and events.
 */
@FunctionalInterface
public interface SyncConnection {

    /**
     * Runs the job; {@code beforeEachPage} runs before each page is read, so that a long sync can keep what it holds
     * (the worker's hold on the job and on the connection) for as long as it reads.
     */
    SyncResult sync(SyncJob job, Runnable beforeEachPage);
}
