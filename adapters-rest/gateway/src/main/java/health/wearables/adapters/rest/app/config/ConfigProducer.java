package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.BuiltInProviders;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.Project;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** The configuration adapter's CDI producer: projects and providers from MicroProfile Config (plus demo mode). */
@ApplicationScoped
public class ConfigProducer {
    private static final System.Logger LOG = System.getLogger(ConfigProducer.class.getName());

    @Inject
    Config config;

    @Inject
    BuiltInProviders builtInProviders;

    /** Satisfied only in the demo WAR. */
    @Inject
    Instance<DemoMode.Starter> demoStarter;

    private DemoMode demo;
    private List<Project> projects;
    private List<ConfiguredProvider> providers;
    private MicroProfileConfiguredProviders configured;

    @PostConstruct
    void read() {
        ConfigKeys keys = new ConfigKeys(key -> config.getOptionalValue(key, String.class));
        projects = new ArrayList<>(MicroProfileProjectDirectory.read(keys));
        configured = MicroProfileConfiguredProviders.read(keys, builtInProviders);
        providers = new ArrayList<>(configured.all());
        if (keys.value("wearables.demo").map(Boolean::parseBoolean).orElse(false)) {
            int port = keys.value("wearables.demo.provider-port")
                    .map(Integer::parseInt)
                    .orElse(9090);
            if (demoStarter.isUnsatisfied()) {
                throw new IllegalStateException("wearables.demo=true, but this is the production WAR, which has no "
                        + "demo provider: run the demo WAR (adapters-rest/demo) or unset wearables.demo");
            }
            demo = demoStarter.get().start(port, keys.value("wearables.demo.api-key"));
            projects.add(demo.project());
            providers.add(demo.provider());
            System.out.println("""

                    ==================================================================
                     DEMO MODE: project 'demo', provider 'demo' (OAuth server on :%d)
                     API key of project 'demo': %s
                     (shown because this is demo mode; never run demo mode in production)
                    ==================================================================
                    """.formatted(port, demo.apiKey().value()));
        }
        LOG.log(
                Level.INFO,
                "Configured projects: {0}; providers: {1}",
                projects.stream().map(p -> p.id().value()).toList(),
                providers.stream().map(p -> p.slug().value()).toList());
    }

    /** Reads (and in demo mode starts) everything with the application, not on the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Nothing else to do: to deliver the event the container creates this bean, and its @PostConstruct reads.
    }

    @PreDestroy
    void stop() {
        Optional.ofNullable(demo).ifPresent(DemoMode::close);
    }

    @Produces
    @ApplicationScoped
    ProjectDirectory projectDirectory() {
        return new MicroProfileProjectDirectory(projects);
    }

    @Produces
    @ApplicationScoped
    ConfiguredProviders configuredProviders() {
        return new MicroProfileConfiguredProviders(providers, configured.missingKeysBySlug());
    }
}
