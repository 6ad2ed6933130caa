package health.wearables.adapters.rest.out.provider.data;

import health.wearables.application.port.out.ProviderData.DataPage;
import health.wearables.application.port.out.ProviderData.DataRequest;
import health.wearables.domain.sync.SyncWindow;
import java.util.List;
import java.util.Optional;

/**
 * One collection of a provider's data API (Oura's heart rate, Withings' measures, …): how the sync window is cut for
 * it and how one page of one cut is read. {@link HttpProviderData} walks a provider's collections in order, slice by
 * slice, page by page, and makes the cursors.
 */
interface DataCollection {

    /** A short name for our reasons and logs, e.g. {@code oura heartrate}. */
    String name();

    /** The window as this collection reads it: whole, or in slices where the provider limits a request's span. */
    default List<SyncWindow> slices(SyncWindow window) {
        return List.of(window);
    }

    /**
     * One page of {@code slice}: its measurements and, as the page's next cursor, the provider's own token for the
     * next page of the same slice (a page token, an offset; empty when the slice is done). Or why it could not be
     * read. A body that is not the documented shape may also throw {@link Json.Unexpected}.
     */
    DataPage read(DataRequest request, SyncWindow slice, Optional<String> pageToken);
}
