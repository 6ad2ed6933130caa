package health.wearables.acceptance.steps;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one scenario's patient has at her vendors, and what the first sync must bring of it. */
public final class SyncJourney {
    final Map<String, Vendors.Account> accounts = new LinkedHashMap<>();
    /** The Observations expected in her record, by code, per vendor. */
    final Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();

    Instant connectedAt;
    /** When her vendor data was made up: its days are counted back from this instant's day. */
    Instant seededAt;
    /** The on-demand sync requests' answers. */
    final java.util.List<java.net.http.HttpResponse<String>> syncAnswers =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    Vendors.Account account(String slug) {
        Vendors.Account account = accounts.get(slug);
        if (account == null) {
            throw new IllegalStateException("the scenario gave Amara no account at " + slug);
        }
        return account;
    }
}
