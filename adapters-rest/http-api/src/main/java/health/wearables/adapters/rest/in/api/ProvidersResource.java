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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(
            operationId = "listProviders",
            summary = "List the providers a dashboard can offer",
            description = "Every provider, sorted by slug: the built-in ones whether configured or not, and every"
                    + " configured one; a provider that retires says when (retiresOn) and what replaces it"
                    + " (successor).")
    @Tag(name = ApiDescription.PROVIDERS)
    @SecurityRequirement(name = ApiDescription.API_KEY)
    @APIResponse(
            responseCode = "200",
            description = "The providers.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.Provider.class),
                            examples = @ExampleObject(name = "providers", value = ApiExamples.PROVIDERS)))
    @APIResponse(
            responseCode = "401",
            description = "No, a malformed or an unknown API key.",
            headers =
                    @Header(
                            name = "WWW-Authenticate",
                            description = "Bearer realm=\"wearables\"",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiSchemas.ErrorBody.class),
                            examples = @ExampleObject(name = "UNAUTHORIZED", value = ApiExamples.UNAUTHORIZED)))
    public Response list(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
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
