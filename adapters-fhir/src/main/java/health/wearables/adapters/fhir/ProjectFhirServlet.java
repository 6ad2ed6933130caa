package health.wearables.adapters.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.util.OperationOutcomeUtil;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ProjectDirectory;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger.Level;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;

/**
 * HAPI's own REST layer at {@code /fhir}: read and search of the Endpoints, Devices, Observations and AuditEvents the
 * gateway writes, per project ({@link ProjectScope}). Errors are FHIR OperationOutcomes.
 * A refusal (no valid API key, an unknown resource, a bad parameter: any 4xx) is routine and logged in one INFO
 * line. A store that cannot answer now (its database refuses, times out or drops the connection) is {@code 503} with
 * {@code Retry-After}, logged in one ERROR line as the gateway's own API logs it ({@link StoreOutages}); only any other
 * failure of the server (a bug) is logged as HAPI logs it, at ERROR with its stack trace.
 *
 * <p>Mapped to {@code /fhir/*} and started with the application by the WAR's {@code web.xml}, not by an annotation:
 * the WAR's jars are not searched for servlet annotations (its {@code <absolute-ordering/>}).
 */
public class ProjectFhirServlet extends RestfulServer {
    private static final long serialVersionUID = 1L;

    @Inject
    transient FhirProducer fhir;

    @Inject
    transient ProjectDirectory projects;

    @Inject
    transient AuditTrail audits;

    private transient ProjectAuthentication authentication;

    @Override
    protected void initialize() {
        EmbeddedFhirStore store = fhir.store();
        authentication = new ProjectAuthentication(projects, audits, java.time.Clock.systemUTC());
        setFhirContext(store.fhirContext());
        setPagingProvider(store.bean(DatabaseBackedPagingProvider.class));
        registerProvider(new EndpointReadProvider(store.endpoints()));
        registerProvider(new DeviceReadProvider(store.devices()));
        registerProvider(new ObservationReadProvider(store.observations()));
        registerProvider(new AuditEventReadProvider(store.auditEvents()));
        registerInterceptor(new RoutineRefusals());
        registerInterceptor(new StoreOutages());
        setDefaultResponseEncoding(ca.uhn.fhir.rest.api.EncodingEnum.JSON);
    }

    /** The first thing HAPI does with a request inside its error handling: here the caller is authenticated first. */
    @Override
    public BaseMethodBinding determineResourceMethod(RequestDetails request, String requestPath) {
        authentication.authenticate(request);
        return super.determineResourceMethod(request, requestPath);
    }

    /**
     * Takes over HAPI's handling of an outgoing 4xx before HAPI logs it at WARN: the OperationOutcome HAPI would make
     * (each message an issue of severity error, code processing) and one INFO line. Anything else is left to HAPI.
     */
    static final class RoutineRefusals {
        private static final System.Logger LOG = System.getLogger(ProjectFhirServlet.class.getName());
        private static final int MAX_LOGGED = 300;

        @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
        public BaseServerResponseException refused(
                RequestDetails request, HttpServletRequest servletRequest, Throwable failure) {
            if (!(failure instanceof BaseServerResponseException refusal) || refusal.getStatusCode() >= 500) {
                return null;
            }
            if (refusal.getOperationOutcome() == null) {
                FhirContext context = request.getServer().getFhirContext();
                IBaseOperationOutcome outcome = OperationOutcomeUtil.newInstance(context);
                OperationOutcomeUtil.addIssue(context, outcome, "error", refusal.getMessage(), null, "processing");
                if (refusal.getAdditionalMessages() != null) {
                    refusal.getAdditionalMessages()
                            .forEach(message -> OperationOutcomeUtil.addIssue(
                                    context, outcome, "error", message, null, "processing"));
                }
                refusal.setOperationOutcome(outcome);
            }
            LOG.log(
                    Level.INFO,
                    "FHIR request refused: {0} {1} {2}: {3}",
                    refusal.getStatusCode(),
                    servletRequest.getMethod(),
                    loggable(servletRequest.getRequestURI()),
                    loggable(refusal.getMessage()));
            return refusal;
        }

        /** One line, bounded: control characters (a decoded %0A, say) cannot start a line of their own. */
        static String loggable(String text) {
            if (text == null) {
                return "";
            }
            String line = text.replaceAll("\\p{Cntrl}", "?");
            return line.length() > MAX_LOGGED ? line.substring(0, MAX_LOGGED) + "…" : line;
        }
    }

    /**
     * Takes over HAPI's handling of a failure of the store's database (a refused or dropped connection, no connection
     * free in the pool, a statement cancelled by the query timeout: {@link StoreFailures#isStoreFailure}): {@code 503}
     * with {@code Retry-After}, an OperationOutcome of code {@code transient} that names no statement, value or
     * exception, and one ERROR line with the kinds of failure and the SQL state, as the gateway's own API answers
     * and logs {@code CONNECTION_STORE_UNAVAILABLE}. Without it HAPI answers {@code 500} with the exception's text.
     */
    static final class StoreOutages {
        static final String RETRY_AFTER_SECONDS = "5";
        static final String UNAVAILABLE = "The FHIR store cannot answer now. Try again shortly.";
        private static final System.Logger LOG = System.getLogger(ProjectFhirServlet.class.getName());

        @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
        public BaseServerResponseException unavailable(
                RequestDetails request, HttpServletRequest servletRequest, Throwable failure) {
            boolean refusal = failure instanceof BaseServerResponseException answer && answer.getStatusCode() < 500;
            if (refusal || !StoreFailures.isStoreFailure(failure)) {
                return null;
            }
            FhirContext context = request.getServer().getFhirContext();
            IBaseOperationOutcome outcome = OperationOutcomeUtil.newInstance(context);
            OperationOutcomeUtil.addIssue(context, outcome, "error", UNAVAILABLE, null, "transient");
            BaseServerResponseException unavailable = new UnclassifiedServerFailureException(503, UNAVAILABLE, outcome);
            unavailable.addResponseHeader("Retry-After", RETRY_AFTER_SECONDS);
            LOG.log(
                    Level.ERROR,
                    "FHIR request failed, the store is unavailable: 503 {0} {1}: {2}",
                    servletRequest.getMethod(),
                    RoutineRefusals.loggable(servletRequest.getRequestURI()),
                    StoreFailures.described(failure));
            return unavailable;
        }
    }
}
