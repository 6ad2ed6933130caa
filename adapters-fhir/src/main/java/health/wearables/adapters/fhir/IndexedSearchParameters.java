package health.wearables.adapters.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.SearchParameter;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The search parameters the FHIR store indexes: those a search of the gateway uses, and no others.
 *
 * <p>HAPI indexes every built-in R4 search parameter of a resource when it writes one: each is a FHIRPath evaluation
 * and rows in the index tables, about 25 for an AuditEvent and 35 for an Observation, where the gateway searches on
 * four and five. So the store runs with HAPI's default parameters off ({@code JpaStorageSettings
 * .setAutoSupportDefaultSearchParams(false)}: only {@code *:url}, and those of {@code Basic}, {@code SearchParameter}
 * and {@code Subscription}, stay), and the ones listed here are stored as {@code SearchParameter} resources at every
 * start, each with the type, expression and targets of HAPI's built-in parameter of that name, under an id and URL of
 * the gateway's own. {@code _id}, {@code _lastUpdated} and {@code _tag} are not search parameters to HAPI's index: they
 * read the resource and tag tables, always.
 *
 * <p>What searches on them: {@code /fhir}'s read providers (Endpoint, Device, Observation, AuditEvent, docs/API.md
 * "FHIR"), the connection store (Endpoint by identifier), conditional creates (Endpoint, Device and Observation by
 * identifier), the purge of a connection (Observation by device) and sorting by date. Adding a search means adding
 * its parameter here: a search on a parameter not here is refused by HAPI as unknown.
 */
final class IndexedSearchParameters {
    private static final String ID_PREFIX = "wearables-";

    /** Resource type to the codes of its parameters that are indexed. */
    static final Map<String, List<String>> INDEXED = indexed();

    private IndexedSearchParameters() {}

    private static Map<String, List<String>> indexed() {
        Map<String, List<String>> indexed = new LinkedHashMap<>();
        indexed.put("Endpoint", List.of("identifier"));
        indexed.put("Device", List.of("identifier"));
        indexed.put("Observation", List.of("code", "category", "date", "identifier", "device"));
        indexed.put("AuditEvent", List.of("entity", "subtype", "outcome", "date"));
        return java.util.Collections.unmodifiableMap(indexed);
    }

    /** The {@code SearchParameter} resources, built from the built-in parameters of the same names. */
    static List<SearchParameter> definitions(FhirContext fhirContext) {
        List<SearchParameter> definitions = new ArrayList<>();
        INDEXED.forEach((resourceType, codes) -> {
            for (String code : codes) {
                RuntimeSearchParam builtIn =
                        fhirContext.getResourceDefinition(resourceType).getSearchParam(code);
                if (builtIn == null) {
                    throw new IllegalStateException("R4 has no search parameter " + resourceType + ":" + code);
                }
                definitions.add(definition(resourceType, builtIn));
            }
        });
        return definitions;
    }

    private static SearchParameter definition(String resourceType, RuntimeSearchParam builtIn) {
        String id = ID_PREFIX + resourceType.toLowerCase(Locale.ROOT) + "-" + builtIn.getName();
        SearchParameter parameter = new SearchParameter();
        parameter.setId(id);
        parameter.setUrl(EndpointMapping.BASE + "SearchParameter/" + id);
        parameter.setName(resourceType + "_" + builtIn.getName());
        parameter.setStatus(PublicationStatus.ACTIVE);
        parameter.setDescription(
                "R4's " + resourceType + ":" + builtIn.getName() + ", indexed for the gateway's searches");
        parameter.setCode(builtIn.getName());
        parameter.addBase(resourceType);
        parameter.setType(SearchParamType.fromCode(builtIn.getParamType().getCode()));
        parameter.setExpression(builtIn.getPath());
        for (String target : new TreeSet<>(builtIn.getTargets())) {
            parameter.addTarget(target);
        }
        return parameter;
    }

    /**
     * Stores each definition that the store does not hold as it is (first start, or a definition changed), then has
     * HAPI's registry read them. Instances starting together may store the same one at once: the loser reads the
     * winner's and goes on if it is the same.
     */
    static void store(DaoRegistry daos, ISearchParamRegistry registry, FhirContext fhirContext) {
        IFhirResourceDao<SearchParameter> dao = daos.getResourceDao(SearchParameter.class);
        for (SearchParameter wanted : definitions(fhirContext)) {
            if (!held(dao, wanted)) {
                try {
                    dao.update(wanted, new SystemRequestDetails());
                } catch (ResourceVersionConflictException | DataIntegrityViolationException e) {
                    if (!held(dao, wanted)) {
                        throw e;
                    }
                }
            }
        }
        registry.forceRefresh();
    }

    private static boolean held(IFhirResourceDao<SearchParameter> dao, SearchParameter wanted) {
        return stored(dao, wanted.getIdElement().getIdPart())
                .filter(s -> same(s, wanted))
                .isPresent();
    }

    private static Optional<SearchParameter> stored(IFhirResourceDao<SearchParameter> dao, String id) {
        try {
            return Optional.of(dao.read(new IdType("SearchParameter", id), new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return Optional.empty();
        }
    }

    static boolean same(SearchParameter stored, SearchParameter wanted) {
        return stored.getStatus() == wanted.getStatus()
                && stored.getUrl().equals(wanted.getUrl())
                && stored.getCode().equals(wanted.getCode())
                && stored.getType() == wanted.getType()
                && stored.getExpression().equals(wanted.getExpression())
                && codes(stored.getBase()).equals(codes(wanted.getBase()))
                && codes(stored.getTarget()).equals(codes(wanted.getTarget()));
    }

    private static List<String> codes(List<CodeType> codes) {
        return codes.stream().map(CodeType::getValue).sorted().toList();
    }
}
