package health.wearables.application.service;

import health.wearables.application.port.out.ProviderData;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.sync.Measurement;
import health.wearables.domain.sync.SyncWindow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A provider's data API as a script: for each cursor (the first page has none), the answers to give in turn, the last
 * one again and again. Records every request with the bearer token in plain text, and can check something at each.
 */
final class ScriptedProviderData implements ProviderData {
    /** One request: the bearer token sent, the cursor asked for, the window. */
    record Read(String bearer, Optional<String> cursor, SyncWindow window) {}

    private static final String FIRST = "";

    private final Set<ProviderSlug> readable;
    private final Map<String, Deque<DataPage>> script = new HashMap<>();
    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private volatile Consumer<Read> onRead = read -> {};

    ScriptedProviderData(String... readableProviders) {
        this.readable = java.util.Arrays.stream(readableProviders)
                .map(ProviderSlug::new)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The answers to the first page, in turn. */
    ScriptedProviderData first(DataPage... answers) {
        return at(FIRST, answers);
    }

    /** The answers to the page at {@code cursor}, in turn. */
    synchronized ScriptedProviderData at(String cursor, DataPage... answers) {
        script.put(cursor, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** Runs at every request, before it is answered. */
    void onRead(Consumer<Read> check) {
        this.onRead = check;
    }

    static Page page(String next, Measurement... measurements) {
        return new Page(List.of(measurements), Optional.of(new Cursor(next)));
    }

    static Page last(Measurement... measurements) {
        return new Page(List.of(measurements), Optional.empty());
    }

    @Override
    public boolean reads(ProviderSlug provider) {
        return readable.contains(provider);
    }

    @Override
    public DataPage read(DataRequest request, Optional<Cursor> cursor) {
        Read read = new Read(request.bearer().value(), cursor.map(Cursor::position), request.window());
        reads.add(read);
        onRead.accept(read);
        return next(cursor.map(Cursor::position).orElse(FIRST));
    }

    private synchronized DataPage next(String position) {
        Deque<DataPage> answers = script.get(position);
        if (answers == null || answers.isEmpty()) {
            return new Unreadable("nothing scripted at this cursor");
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }
}
