package health.wearables.adapters.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import java.util.Optional;

/** Every {@code /fhir} request names its project by API key ({@code Authorization: Bearer}); no key, no data. */
final class ProjectAuthentication {
    private static final String PROJECT = ProjectAuthentication.class.getName() + ".project";

    private final ProjectDirectory projects;

    ProjectAuthentication(ProjectDirectory projects) {
        this.projects = projects;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean authenticate(RequestDetails request) {
        Optional<Project> project = ApiKey.fromBearer(request.getHeader("Authorization")).flatMap(projects::authenticate);
        if (project.isEmpty()) {
            throw new AuthenticationException("A valid project API key is required.");
        }
        request.getUserData().put(PROJECT, project.get().id().value());
        return true;
    }

    static String projectOf(RequestDetails request) {
        Object project = request.getUserData().get(PROJECT);
        if (project == null) {
            throw new AuthenticationException("A valid project API key is required.");
        }
        return (String) project;
    }
}
