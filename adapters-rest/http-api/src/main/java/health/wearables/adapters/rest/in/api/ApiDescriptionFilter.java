package health.wearables.adapters.rest.in.api;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation of {@code /openapi} shares, added once here instead of on every resource method: any route can
 * fail unexpectedly, and then answers {@code 500 INTERNAL_ERROR} in the error shape ({@link UnexpectedErrorMapper}).
 * Named by {@code mp.openapi.filter} in the WAR's {@code microprofile-config.properties}.
 */
public class ApiDescriptionFilter implements OASFilter {
    static final String INTERNAL_ERROR = "500";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses != null && !responses.hasAPIResponse(INTERNAL_ERROR)) {
                    responses.addAPIResponse(
                            INTERNAL_ERROR,
                            OASFactory.createAPIResponse()
                                    .description("Anything unexpected (logged with its stack trace, never answered"
                                            + " with it).")
                                    .content(OASFactory.createContent()
                                            .addMediaType(
                                                    MediaType.APPLICATION_JSON,
                                                    OASFactory.createMediaType()
                                                            .schema(OASFactory.createSchema()
                                                                    .ref("Error"))
                                                            .addExample(
                                                                    "INTERNAL_ERROR",
                                                                    OASFactory.createExample()
                                                                            .value(ErrorShape.body(
                                                                                    "INTERNAL_ERROR",
                                                                                    ErrorShape.message(500)))))));
                }
            }
        }
    }
}
