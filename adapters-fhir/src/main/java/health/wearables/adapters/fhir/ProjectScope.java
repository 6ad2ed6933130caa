package health.wearables.adapters.fhir;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SearchTotalModeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * What every {@code /fhir} read and search shares: it sees the calling project's resources only. A read of another
 * project's resource answers exactly as a read of one that does not exist (404, the same message), a deleted one
 * too (rather than 410, which would say it existed); a search is narrowed to the project's tag before any parameter of
 * the caller is added. Searches page by {@code _offset} and {@code _count} (at most {@value #MAX_COUNT}), so every
 * page is a new search through the same narrowing: there is no stored search a page link could reach past it. Every
 * answer carries the total of the search.
 */
final class ProjectScope {
    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 200;

    private ProjectScope() {}

    static <T extends IBaseResource> T read(IFhirResourceDao<T> dao, IdType id, RequestDetails request) {
        String project = ProjectAuthentication.projectOf(request);
        T resource;
        try {
            resource = dao.read(id, request);
        } catch (ResourceGoneException deleted) {
            throw notKnown(id);
        }
        if (resource.getMeta().getTag(EndpointMapping.PROJECT_TAG_SYSTEM, project) == null) {
            throw notKnown(id);
        }
        return resource;
    }

    /** What HAPI answers for an id it does not have, word for word. */
    private static ResourceNotFoundException notKnown(IdType id) {
        return new ResourceNotFoundException(
                Msg.code(2001) + "Resource " + id.toUnqualifiedVersionless().getValue() + " is not known");
    }

    /**
     * The {@code patient} of a search as the project-patient identifiers of the calling project: how Devices (and,
     * through their Device, Observations) are found by patient. The store holds no Patient resources, so HAPI keeps
     * no index of references to them; the identifier is the gateway's own index. A reference to anything but a
     * Patient, or with a chain, is refused.
     */
    static TokenAndListParam patientIdentifiers(ReferenceAndListParam patient, RequestDetails request) {
        String project = ProjectAuthentication.projectOf(request);
        TokenAndListParam identifiers = new TokenAndListParam();
        for (ReferenceOrListParam anyOf : patient.getValuesAsQueryTokens()) {
            TokenOrListParam tokens = new TokenOrListParam();
            for (ReferenceParam reference : anyOf.getValuesAsQueryTokens()) {
                boolean patientOrUntyped =
                        reference.getResourceType() == null || "Patient".equals(reference.getResourceType());
                if (!patientOrUntyped || !blank(reference.getChain()) || blank(reference.getIdPart())) {
                    throw new InvalidRequestException("patient must name a Patient by id, as Patient/<id>");
                }
                tokens.addOr(
                        new TokenParam(EndpointMapping.PROJECT_PATIENT_SYSTEM, project + "/" + reference.getIdPart()));
            }
            identifiers.addAnd(tokens);
        }
        return identifiers;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A search of the caller's project's resources, one page of it. */
    static SearchParameterMap search(Integer count, Integer offset, RequestDetails request) {
        SearchParameterMap search = new SearchParameterMap();
        search.add(
                "_tag", new TokenParam(EndpointMapping.PROJECT_TAG_SYSTEM, ProjectAuthentication.projectOf(request)));
        search.setCount(count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT)));
        search.setOffset(offset == null ? 0 : Math.max(0, offset));
        search.setSearchTotalMode(SearchTotalModeEnum.ACCURATE);
        return search;
    }
}
