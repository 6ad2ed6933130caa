package health.wearables.adapters.fhir;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;

/**
 * Read and search of Endpoints, always within the calling project ({@link ProjectScope}). There are no write
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
        return ProjectScope.read(endpoints, id, request);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Endpoint.SP_IDENTIFIER) TokenAndListParam identifier,
            @Count Integer count,
            @Offset Integer offset,
            RequestDetails request) {
        SearchParameterMap search = ProjectScope.search(count, offset, request);
        if (identifier != null) {
            search.add(Endpoint.SP_IDENTIFIER, identifier);
        }
        return endpoints.search(search, request);
    }
}
