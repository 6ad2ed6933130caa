package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.AuthenticateProject;
import health.wearables.application.port.in.StartConnection;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Connecting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/wearables/{provider}/connect}: a platform starts connecting a patient's wearable. The body is JSON:
 * any other {@code Content-Type} is answered 415 before anything else is looked at.
 */
@Path("v1/wearables/{provider}/connect")
@RequestScoped
public class ConnectResource {
    @Inject
    StartConnection startConnection;

    @Inject
    AuthenticateProject authenticateProject;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response connect(
            @PathParam("provider") String provider,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body) {
        ConnectBody parsed = ConnectBody.parse(body);
        if (parsed.problem().isPresent()) {
            // The caller is authenticated before being told anything about its body.
            return authenticateProject
                    .authenticate(ApiKey.fromBearer(authorization))
                    .fold(
                            project -> ApiErrors.json(
                                            422,
                                            "VALIDATION_FAILED",
                                            parsed.problem().get())
                                    .build(),
                            ApiErrors::of);
        }
        return startConnection
                .start(
                        ApiKey.fromBearer(authorization),
                        provider,
                        parsed.command().orElseThrow())
                .fold(ConnectResource::created, ApiErrors::of);
    }

    private static Response created(Connecting.Started started) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("authorizationUrl", started.authorizationUrl().toString());
        body.put("expiresAt", started.expiresAt().toString());
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
