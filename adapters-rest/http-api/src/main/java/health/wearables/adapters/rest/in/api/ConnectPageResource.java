package health.wearables.adapters.rest.in.api;

import health.wearables.application.port.in.ChooseProvider;
import health.wearables.application.port.in.ShowConnectPage;
import health.wearables.application.port.in.Unavailable;
import health.wearables.domain.ProviderSlug;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The connect page a patient opens from a link ({@code GET}), and the choice of a provider on it ({@code POST} of its
 * form, answered {@code 303} to the provider's authorization). Opening the page uses nothing up; choosing a provider
 * the page offers uses the link up, whatever happens next. No request here carries or needs an API key: the link's
 * token is the credential, and it is in the path, never in a query a proxy might log with different care.
 */
@Path(ConnectPageResource.ROUTE)
@RequestScoped
public class ConnectPageResource {
    private static final System.Logger LOG = System.getLogger(ConnectPageResource.class.getName());

    /**
     * The page's route under the gateway's base URL, followed by the token; a compile-time constant, so the wiring
     * that builds the links loads no class of this module.
     */
    public static final String ROUTE = "v1/wearables/connect-page";

    @Inject
    ShowConnectPage showConnectPage;

    @Inject
    ChooseProvider chooseProvider;

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The connect page of a link (HTML, for the patient's browser)", hidden = true)
    public Response page(@PathParam("token") String token) {
        try {
            return showConnectPage
                    .show(token)
                    .fold(offered -> PatientPages.offer(offered, Optional.empty(), 200), gone -> PatientPages.gone());
        } catch (Unavailable e) {
            return unavailable(e);
        }
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Choose a provider on the connect page (HTML form post)", hidden = true)
    public Response choose(@PathParam("token") String token, @FormParam("provider") String provider) {
        try {
            return chosen(token, provider);
        } catch (Unavailable e) {
            return unavailable(e);
        }
    }

    private Response chosen(String token, String provider) {
        return chooseProvider
                .choose(token, provider)
                .fold(
                        started -> Response.seeOther(started.authorizationUrl()).build(),
                        notOffered -> PatientPages.offer(
                                notOffered.page(),
                                Optional.of("That service is not offered on this page. Choose one of the services"
                                        + " below."),
                                400),
                        gone -> PatientPages.gone(),
                        refused -> PatientPages.notStarted(
                                refused.rejection(), nameOf(showConnectPage, refused.provider())));
    }

    @GET
    @Path("assets/page.css")
    @Produces("text/css")
    @Operation(summary = "The connect page's stylesheet", hidden = true)
    public Response stylesheet() {
        return PatientPages.stylesheet();
    }

    /**
     * A store down while a patient uses the page: the page in plain words rather than the API's JSON (which the
     * exception mappers answer elsewhere), logged at ERROR as they log it, with the store's message and never the
     * link's token.
     */
    private static Response unavailable(Unavailable e) {
        LOG.log(Level.ERROR, "connect page: {0} unavailable: {1}", e.getClass().getSimpleName(), e.getMessage());
        return PatientPages.unavailable();
    }

    /** The name of a provider on the pages, or its slug when it is no longer configured. */
    static String nameOf(ShowConnectPage pages, ProviderSlug provider) {
        return pages.providerName(provider).orElse(provider.value());
    }
}
