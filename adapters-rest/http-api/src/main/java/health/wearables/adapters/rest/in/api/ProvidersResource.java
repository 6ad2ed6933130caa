package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.ListProviders;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ProviderListing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/wearables/providers}: what a dashboard can offer its patients, and, for a provider that retires,
 * {@code retiresOn} and its {@code successor}, so that the platform moves its patients in time.
 */
@Path("v1/wearables/providers")
@RequestScoped
public class ProvidersResource {
    @Inject
    ListProviders listProviders;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return listProviders
                .list(ApiKey.fromBearer(authorization))
                .fold(
                        providers -> Response.ok(
                                        providers.stream()
                                                .map(ProvidersResource::view)
                                                .toList(),
                                        MediaType.APPLICATION_JSON_TYPE)
                                .build(),
                        ApiErrors::of);
    }

    private static Map<String, Object> view(ProviderListing provider) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("slug", provider.slug().value());
        view.put("displayName", provider.displayName());
        view.put("description", provider.description());
        view.put("oauthVersion", provider.oauthVersion().label());
        view.put("configured", provider.configured());
        provider.retirement().ifPresent(retirement -> {
            view.put("retiresOn", retirement.on().toString());
            retirement.successor().ifPresent(successor -> view.put("successor", successor.value()));
        });
        return view;
    }
}
