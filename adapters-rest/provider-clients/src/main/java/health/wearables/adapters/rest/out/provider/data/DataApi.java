package health.wearables.adapters.rest.out.provider.data;

import java.util.List;

/**
 * A provider's data API as this gateway reads it: its collections, in the order a sync reads them. Each provider has
 * one small implementation that knows its paths, query, paging and JSON; {@link HttpProviderData} does the rest.
 */
interface DataApi {

    List<DataCollection> collections();
}
