package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import health.wearables.application.port.out.ProjectDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/** HAPI's own REST layer at {@code /fhir}: Endpoint read and search, per project. */
@WebServlet(urlPatterns = "/fhir/*", loadOnStartup = 1)
public class ProjectFhirServlet extends RestfulServer {
    private static final long serialVersionUID = 1L;

    @Inject
    transient FhirProducer fhir;

    @Inject
    transient ProjectDirectory projects;

    @Override
    protected void initialize() {
        EmbeddedFhirStore store = fhir.store();
        setFhirContext(store.fhirContext());
        setPagingProvider(store.bean(DatabaseBackedPagingProvider.class));
        registerProvider(new EndpointReadProvider(store.endpoints()));
        registerInterceptor(new ProjectAuthentication(projects));
        setDefaultResponseEncoding(ca.uhn.fhir.rest.api.EncodingEnum.JSON);
    }
}
