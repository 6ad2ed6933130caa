package health.wearables.adapters.rest.out.provider.data;

import health.wearables.adapters.rest.out.provider.ProviderTransport;
import health.wearables.adapters.rest.out.provider.TokenEndpointLimits;
import health.wearables.application.port.out.ProviderData;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.SyncWindow;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The providers' data APIs over HTTP: one {@link DataApi} per provider slug, all calling through one
 * {@link ProviderTransport}. A read walks the provider's collections in order, each one slice of the window after the
 * other (Oura's heart rate and Dexcom's glucose serve at most 30 days a request), each slice page by page with the
 * provider's own token; the cursor it hands out names the collection, the slice and that token, so every page is read
 * once and none is skipped. A provider that hands out the token it was just given would loop forever: that page is
 * {@link Unreadable}.
 *
 * <p>Every outcome is a {@link DataPage}: a body that is not the documented shape is {@link Unreadable} with our own
 * reason. Logs name the provider, the collection and our reason, never a token, a URL or anything from a body.
 */
public final class HttpProviderData implements ProviderData {
    private static final Logger LOG = System.getLogger(HttpProviderData.class.getName());

    private final Map<String, DataApi> apis;

    HttpProviderData(Map<String, DataApi> apis) {
        this.apis = Map.copyOf(apis);
    }

    /** The data clients this gateway ships with, by provider slug. */
    public static HttpProviderData standard(TokenEndpointLimits limits, Clock clock) {
        DataCalls calls = new DataCalls(new ProviderTransport(limits), clock);
        DexcomData dexcom = new DexcomData(calls);
        return new HttpProviderData(Map.of(
                "oura", new OuraData(calls),
                "withings", new WithingsData(calls),
                "whoop", new WhoopData(calls),
                "dexcom", dexcom,
                "dexcom-sandbox", dexcom,
                "google-health", new GoogleHealthData(calls),
                "demo", new DemoData(calls)));
    }

    /**
     * These data clients, and configured providers that serve the documented API of one of them ({@code
     * wearables.providers.<slug>.data-api}: a sandbox or a regional host of a provider, a source that serves the demo
     * provider's format).
     *
     * @param servedAs each configured provider's slug, and the slug of the data client that reads it
     * @throws IllegalArgumentException naming the first provider whose data API is none of these clients
     */
    public HttpProviderData servingAlso(Map<String, String> servedAs) {
        Map<String, DataApi> all = new java.util.HashMap<>(apis);
        servedAs.forEach((slug, api) -> {
            DataApi client = apis.get(api);
            if (client == null) {
                throw new IllegalArgumentException("wearables.providers." + slug + ".data-api names no data client ("
                        + String.join(", ", new java.util.TreeSet<>(apis.keySet())) + ")");
            }
            all.put(slug, client);
        });
        return new HttpProviderData(all);
    }

    @Override
    public boolean reads(ProviderSlug provider) {
        return apis.containsKey(provider.value());
    }

    @Override
    public DataPage read(DataRequest request, Optional<Cursor> cursor) {
        Objects.requireNonNull(request, "request");
        DataPage page = readPage(request, cursor);
        log(request.provider(), page);
        return page;
    }

    private DataPage readPage(DataRequest request, Optional<Cursor> cursor) {
        DataApi api = apis.get(request.provider().value());
        if (api == null) {
            return new Unreadable("no data client for this provider");
        }
        Optional<Position> position = cursor.isEmpty() ? Optional.of(Position.START) : Position.of(cursor.get());
        List<DataCollection> collections = api.collections();
        if (position.isEmpty() || position.get().collection() >= collections.size()) {
            return new Unreadable("a cursor this client did not hand out");
        }
        Position at = position.get();
        DataCollection collection = collections.get(at.collection());
        List<SyncWindow> slices = collection.slices(request.window());
        if (at.slice() >= slices.size()) {
            return new Unreadable("a cursor this client did not hand out");
        }
        DataPage page;
        try {
            page = collection.read(request, slices.get(at.slice()), at.token());
        } catch (Json.Unexpected e) {
            page = new Unreadable(collection.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            page = new Unreadable(collection.name() + ": the answer could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        return page.<DataPage>fold(
                read -> continued(read, at, collection, slices.size(), collections.size()),
                unauthorized -> unauthorized,
                limited -> limited,
                unreadable -> unreadable,
                unavailable -> unavailable);
    }

    /** The page with our cursor: the same slice's next page, else the next slice, else the next collection. */
    private static DataPage continued(Page read, Position at, DataCollection collection, int slices, int collections) {
        Optional<String> token = read.next().map(Cursor::position);
        if (token.isPresent() && token.equals(at.token())) {
            return new Unreadable(collection.name() + ": the provider handed out the same page token again");
        }
        Optional<Position> next;
        if (token.isPresent()) {
            next = Optional.of(new Position(at.collection(), at.slice(), token));
        } else if (at.slice() + 1 < slices) {
            next = Optional.of(new Position(at.collection(), at.slice() + 1, Optional.empty()));
        } else if (at.collection() + 1 < collections) {
            next = Optional.of(new Position(at.collection() + 1, 0, Optional.empty()));
        } else {
            next = Optional.empty();
        }
        return new Page(read.measurements(), next.map(Position::cursor));
    }

    private static void log(ProviderSlug provider, DataPage page) {
        String slug = provider.value();
        page.fold(
                read -> {
                    LOG.log(
                            Level.DEBUG,
                            () -> "data page of provider " + slug + ": "
                                    + read.measurements().size() + " measurements"
                                    + (read.next().isPresent() ? ", more to come" : ", the last"));
                    return null;
                },
                unauthorized -> {
                    LOG.log(Level.INFO, "data API of provider " + slug + " refused the access token");
                    return null;
                },
                limited -> {
                    LOG.log(
                            Level.INFO,
                            "data API of provider " + slug + " is rate limiting"
                                    + limited.retryAfter()
                                            .map(delay -> " for " + delay.toSeconds() + " s")
                                            .orElse(""));
                    return null;
                },
                unreadable -> {
                    LOG.log(Level.WARNING, "data page of provider " + slug + " is unreadable: " + unreadable.reason());
                    return null;
                },
                unavailable -> {
                    LOG.log(Level.WARNING, "data API of provider " + slug + " is unavailable: " + unavailable.reason());
                    return null;
                });
    }
}
