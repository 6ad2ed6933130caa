package health.wearables.adapters.rest.app.config.demo;

import health.wearables.adapters.rest.app.config.DemoMode;
import health.wearables.application.port.in.ListConnections;
import health.wearables.application.port.in.OpenConnectSession;
import health.wearables.application.port.in.ShowConnectPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The demo dashboard ({@link DemoDashboard}), in the demo WAR only and only in demo mode: {@code GET /demo/} (the
 * page), {@code POST /demo/connect} (its connect button), {@code GET /demo/assets/dashboard.css}. Anything else, and
 * everything when demo mode is off, is 404. Pages for a browser, left out of the OpenAPI document.
 */
@Path("demo")
@RequestScoped
public class DemoDashboardResource {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MockOAuth2DemoStarter demo;

    @Inject
    ListConnections listConnections;

    @Inject
    OpenConnectSession openConnectSession;

    @Inject
    ShowConnectPage showConnectPage;

    @Inject
    GatewayFhirSearch fhirSearch;

    @Inject
    @ConfigProperty(name = "wearables.public-base-url", defaultValue = "http://localhost:9080")
    String gatewayBaseUrl;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The demo dashboard (HTML, demo mode only)", hidden = true)
    public Response page(@CookieParam(DemoDashboard.COOKIE) String cookieToken, @QueryParam("status") String status) {
        return answer(dashboard().page(Optional.ofNullable(cookieToken), Optional.ofNullable(status)));
    }

    @POST
    @Path("connect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The demo dashboard's connect button (HTML form post, demo mode only)", hidden = true)
    public Response connect(
            @FormParam("token") String formToken,
            @CookieParam(DemoDashboard.COOKIE) String cookieToken,
            @HeaderParam("Origin") String origin) {
        return answer(dashboard()
                .connect(
                        Optional.ofNullable(formToken),
                        Optional.ofNullable(cookieToken),
                        Optional.ofNullable(origin),
                        ownOrigins()));
    }

    @GET
    @Path("assets/dashboard.css")
    @Produces("text/css")
    @Operation(summary = "The demo dashboard's stylesheet", hidden = true)
    public Response stylesheet() {
        if (demo.running().isEmpty()) {
            throw new NotFoundException();
        }
        return Response.ok(DashboardPage.CSS, new MediaType("text", "css", "utf-8"))
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .build();
    }

    private DemoDashboard dashboard() {
        DemoMode running = demo.running().orElseThrow(NotFoundException::new);
        return new DemoDashboard(
                running.apiKey(),
                URI.create(gatewayBaseUrl),
                listConnections,
                openConnectSession,
                showConnectPage,
                fhirSearch,
                Clock.systemUTC(),
                RANDOM);
    }

    /** The configured public origin, and the one this request came to. */
    private Set<String> ownOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        PatientFacingOrigin.of(URI.create(gatewayBaseUrl)).ifPresent(origins::add);
        PatientFacingOrigin.of(uri.getBaseUri()).ifPresent(origins::add);
        return origins;
    }

    private static Response answer(DemoDashboard.Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status());
        answer.headers().forEach(response::header);
        // bytes, not a String: RESTEasy escapes a String of text/html in a 4xx answer as a whole
        answer.html()
                .ifPresent(html -> response.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                        .entity(html.getBytes(StandardCharsets.UTF_8)));
        return response.build();
    }
}
