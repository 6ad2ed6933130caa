package health.wearables.adapters.rest.app.config.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The demo WAR's root in demo mode: {@code GET /} sends the browser to the demo dashboard, so that the one URL to open
 * is the gateway's own ({@code http://localhost:9080/}). 404 when demo mode is off; the production WAR has no root.
 */
@Path("/")
@RequestScoped
public class DemoHomeResource {

    @Inject
    MockOAuth2DemoStarter demo;

    @GET
    @Operation(summary = "The demo dashboard's address (demo mode only)", hidden = true)
    public Response home() {
        if (demo.running().isEmpty()) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(DashboardPage.ROUTE)).build();
    }
}
