package health.wearables.adapters.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import java.util.Optional;

/**
 * Every {@code /fhir} request names its project by API key ({@code Authorization: Bearer}); no key, no data. Asked by
 * {@link ProjectFhirServlet} before HAPI routes the request, so a request without a valid key learns nothing, not
 * even which resource types exist. A refusal is an {@link AuthenticationException} thrown where HAPI handles it as
 * an answer (401, an OperationOutcome), not from an interceptor hook, where HAPI would log it as an error.
 */
final class ProjectAuthentication {
    static final String REFUSED = "A valid project API key is required.";
    private static final String PROJECT = ProjectAuthentication.class.getName() + ".project";

    private final ProjectDirectory projects;

    ProjectAuthentication(ProjectDirectory projects) {
        this.projects = projects;
    }

    /** Remembers the caller's project on the request, or refuses it. */
    void authenticate(RequestDetails request) {
        Optional<Project> project =
                ApiKey.fromBearer(request.getHeader("Authorization")).flatMap(projects::authenticate);
        if (project.isEmpty()) {
            throw new AuthenticationException(REFUSED);
        }
        request.getUserData().put(PROJECT, project.get().id().value());
    }

    static String projectOf(RequestDetails request) {
        Object project = request.getUserData().get(PROJECT);
        if (project == null) {
            throw new AuthenticationException(REFUSED);
        }
        return (String) project;
    }
}
