package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;

/**
 * Read and search of Endpoints, always within the calling project: a search is narrowed to the project's tag, and a
 * read of another project's Endpoint answers exactly as a read of one that does not exist. There are no write
 * operations: connections are written by the gateway only.
 */
final class EndpointReadProvider implements IResourceProvider {
    private final IFhirResourceDao<Endpoint> endpoints;

    EndpointReadProvider(IFhirResourceDao<Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Endpoint.class;
    }

    @Read(version = true)
    public Endpoint read(@IdParam IdType id, RequestDetails request) {
        String project = ProjectAuthentication.projectOf(request);
        Endpoint endpoint = endpoints.read(id, request);
        if (endpoint.getMeta().getTag(EndpointMapping.PROJECT_TAG_SYSTEM, project) == null) {
            throw new ResourceNotFoundException(id);
        }
        return endpoint;
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Endpoint.SP_IDENTIFIER) TokenAndListParam identifier, RequestDetails request) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.setLoadSynchronousUpTo(500);
        search.add(
                "_tag", new TokenParam(EndpointMapping.PROJECT_TAG_SYSTEM, ProjectAuthentication.projectOf(request)));
        if (identifier != null) {
            search.add(Endpoint.SP_IDENTIFIER, identifier);
        }
        return endpoints.search(search, request);
    }
}
