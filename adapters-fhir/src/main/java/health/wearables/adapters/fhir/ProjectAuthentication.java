package health.wearables.adapters.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditRecord;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * Every {@code /fhir} request names its project by API key ({@code Authorization: Bearer}); no key, no data. Asked by
 * {@link ProjectFhirServlet} before HAPI routes the request, so a request without a valid key learns nothing, not
 * even which resource types exist. A refusal is an {@link AuthenticationException} thrown where HAPI handles it as
 * an answer (401, an OperationOutcome), not from an interceptor hook, where HAPI would log it as an error.
 */
final class ProjectAuthentication {
    private static final System.Logger LOG = System.getLogger(ProjectAuthentication.class.getName());
    static final String REFUSED = "A valid project API key is required.";
    private static final String PROJECT = ProjectAuthentication.class.getName() + ".project";

    private final ProjectDirectory projects;
    private final AuditTrail audits;
    private final Clock clock;

    ProjectAuthentication(ProjectDirectory projects, AuditTrail audits, Clock clock) {
        this.projects = projects;
        this.audits = audits;
        this.clock = clock;
    }

    /**
     * Remembers the caller's project on the request, or refuses it; a refusal is audited ({@code api-key-refused},
     * the key named by its id only, no project), as the project API's are.
     */
    void authenticate(RequestDetails request) {
        Optional<ApiKey> key = ApiKey.fromBearer(request.getHeader("Authorization"));
        Optional<Project> project = key.flatMap(projects::authenticate);
        if (project.isEmpty()) {
            audit(AuditRecord.apiKeyRefused(key.map(ApiKeyId::of), clock.instant()));
            throw new AuthenticationException(REFUSED);
        }
        request.getUserData().put(PROJECT, project.get().id().value());
    }

    /** Best effort, as every audit: a record the store cannot take is one WARN, and the refusal goes out all the same. */
    private void audit(AuditRecord record) {
        try {
            audits.record(record);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "audit record not kept: {0} ({1})",
                    record.action().code(),
                    e.getMessage());
        }
    }

    static String projectOf(RequestDetails request) {
        Object project = request.getUserData().get(PROJECT);
        if (project == null) {
            throw new AuthenticationException(REFUSED);
        }
        return (String) project;
    }
}
