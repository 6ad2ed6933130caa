package health.wearables.adapters.rest.in.api;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ErrorPage;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * The HTTP API as Liberty runs it, in the test JVM: RESTEasy (the JAX-RS implementation under restfulWS) in a servlet
 * container (Undertow) on a loopback port, with every class of the API the way Liberty finds it by its annotations:
 * each {@code @Provider} (the exception mappers), each {@code @WebFilter} with its URL patterns and dispatcher types,
 * each {@code @WebServlet}, and each {@code @Path} resource, which gets the hand-written use-case fakes below instead
 * of CDI. A resource the server does not know how to wire fails the start, so no resource goes untested. Errors the
 * container answers itself go to the error page as the WAR's {@code web.xml} sends them (every status, every
 * exception); {@link ContainerRefusals} makes such errors on cue under {@value ContainerRefusals#PATH}.
 */
final class ApiServer implements AutoCloseable {
    static final String API_KEY = "acme-test-key";

    final ScriptedStartConnection startConnection = new ScriptedStartConnection();
    final ScriptedCompleteCallback completeCallback = new ScriptedCompleteCallback();
    final ScriptedListConnections listConnections = new ScriptedListConnections();
    final ScriptedListProviders listProviders = new ScriptedListProviders();
    final ScriptedRequestSync requestSync = new ScriptedRequestSync();
    final ScriptedDisconnect disconnect = new ScriptedDisconnect();
    final ScriptedReceiveNotification receiveNotification = new ScriptedReceiveNotification();
    final KnownProjects projects = new KnownProjects(API_KEY);
    final RecordingMetrics metrics = new RecordingMetrics();
    final ScriptedConnectPages connectPages = new ScriptedConnectPages();

    private final Server server = new Server();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    private ApiServer() {
        ResteasyDeployment deployment = new ResteasyDeploymentImpl();
        deployment.setApplication(new WiredApplication(singletons()));
        DeploymentInfo info = server.undertowDeployment(deployment, "/")
                .setContextPath("/")
                .setDeploymentName("wearables-http-api")
                .setClassLoader(ApiServer.class.getClassLoader())
                .addErrorPage(new ErrorPage(ErrorPageServlet.PATH))
                .addErrorPage(new ErrorPage(ErrorPageServlet.PATH, Throwable.class))
                .addServlet(Servlets.servlet(ContainerRefusals.class.getSimpleName(), ContainerRefusals.class)
                        .addMapping(ContainerRefusals.PATH + "/*"));
        for (Class<?> type : apiClasses()) {
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null) {
                @SuppressWarnings("unchecked")
                Class<? extends Servlet> servletType = (Class<? extends Servlet>) type;
                info.addServlet(
                        Servlets.servlet(type.getSimpleName(), servletType).addMappings(servlet.urlPatterns()));
            }
            WebFilter filter = type.getAnnotation(WebFilter.class);
            if (filter != null) {
                @SuppressWarnings("unchecked")
                Class<? extends jakarta.servlet.Filter> filterType = (Class<? extends jakarta.servlet.Filter>) type;
                info.addFilter(Servlets.filter(type.getSimpleName(), filterType));
                for (String pattern : filter.urlPatterns()) {
                    for (DispatcherType dispatch : filter.dispatcherTypes()) {
                        info.addFilterUrlMapping(type.getSimpleName(), pattern, dispatch);
                    }
                }
            }
        }
        server.deploy(info);
        server.start(Undertow.builder().addHttpListener(0, "127.0.0.1"));
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    static ApiServer start() {
        return new ApiServer();
    }

    /** Back to the default answers and no recorded calls, between tests. */
    void reset() {
        startConnection.reset();
        completeCallback.reset();
        listConnections.reset();
        listProviders.reset();
        requestSync.reset();
        disconnect.reset();
        receiveNotification.reset();
        metrics.reset();
        connectPages.reset();
    }

    /**
     * The one place that knows how each resource gets its use cases (CDI injects the same fields under Liberty).
     * Every {@code @Path} class of the API must be here.
     */
    @SuppressWarnings("UnnecessaryAssignment") // builds the JAX-RS resources by hand, with no CDI container
    private Map<Class<?>, Object> resources() {
        ConnectResource connect = new ConnectResource();
        connect.startConnection = startConnection;
        connect.authenticateProject = projects;

        GatewayMetrics gatewayMetrics = new GatewayMetrics();
        gatewayMetrics.registry = metrics.registry();
        CallbackResource callback = new CallbackResource();
        callback.completeCallback = completeCallback;
        callback.metrics = gatewayMetrics;
        callback.connectPages = connectPages;

        ConnectSessionsResource connectSessions = new ConnectSessionsResource();
        connectSessions.openConnectSession = connectPages;
        connectSessions.authenticateProject = projects;

        ConnectPageResource connectPage = new ConnectPageResource();
        connectPage.showConnectPage = connectPages;
        connectPage.chooseProvider = connectPages;

        ConnectionsResource connections = new ConnectionsResource();
        connections.listConnections = listConnections;

        ProvidersResource providers = new ProvidersResource();
        providers.listProviders = listProviders;

        SyncResource sync = new SyncResource();
        sync.requestSync = requestSync;

        DisconnectResource disconnectResource = new DisconnectResource();
        disconnectResource.disconnectConnection = disconnect;

        WebhookResource webhook = new WebhookResource();
        webhook.receiveNotification = receiveNotification;

        Map<Class<?>, Object> resources = new LinkedHashMap<>();
        for (Object resource : List.of(
                connect,
                callback,
                connections,
                providers,
                sync,
                disconnectResource,
                webhook,
                connectSessions,
                connectPage)) {
            resources.put(resource.getClass(), resource);
        }
        return resources;
    }

    private Set<Object> singletons() {
        Map<Class<?>, Object> resources = resources();
        Set<Object> singletons = new LinkedHashSet<>();
        for (Class<?> type : apiClasses()) {
            if (type.isAnnotationPresent(Path.class)) {
                Object resource = resources.get(type);
                if (resource == null) {
                    throw new IllegalStateException(type.getSimpleName() + " is a resource of the API that "
                            + ApiServer.class.getSimpleName() + " does not wire: add it to resources()");
                }
                singletons.add(resource);
            } else if (type.isAnnotationPresent(Provider.class)) {
                singletons.add(newInstance(type));
            }
        }
        return singletons;
    }

    /** The API's classes, found as Liberty finds them: every top-level class of the package in the module's output. */
    static List<Class<?>> apiClasses() {
        try {
            java.nio.file.Path classes = java.nio.file.Path.of(ConnectResource.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            String packagePath = ConnectResource.class.getPackageName().replace('.', '/');
            List<Class<?>> types = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.list(classes.resolve(packagePath))) {
                for (java.nio.file.Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.contains("$")) {
                        types.add(Class.forName(ConnectResource.class.getPackageName() + "."
                                + name.substring(0, name.length() - ".class".length())));
                    }
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type, e);
        }
    }

    URI uri(String rawPathAndQuery) {
        return URI.create(base + rawPathAndQuery);
    }

    Answer get(String rawPathAndQuery, String... headers) {
        return send("GET", rawPathAndQuery, null, headers);
    }

    /** A request with any method, a body (or none) and header name/value pairs. */
    Answer send(String method, String rawPathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(rawPathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /v1/wearables/{provider}/connect} as a platform sends it: JSON, with the project's API key. */
    Answer connect(String provider, String json) {
        return send(
                "POST",
                "/v1/wearables/" + provider + "/connect",
                json,
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + API_KEY);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** RESTEasy's embedded Undertow, telling which port it was given. */
    private static final class Server extends UndertowJaxrsServer {
        int port() {
            return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        }
    }

    /** What Liberty's scan of the WAR registers; here the resources are the wired instances. */
    private static final class WiredApplication extends Application {
        private final Set<Object> singletons;

        WiredApplication(Set<Object> singletons) {
            this.singletons = singletons;
        }

        @Override
        public Set<Object> getSingletons() {
            return singletons;
        }
    }
}
