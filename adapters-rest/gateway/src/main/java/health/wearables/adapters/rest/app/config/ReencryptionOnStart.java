package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.in.ReencryptConnections;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * After a key rotation, the operator restarts one instance with {@code wearables.crypto.reencrypt-on-start=true}: once
 * the application is up, one re-encryption pass runs on a thread of its own (the gateway serves meanwhile) and logs
 * its counts. Off by default; the pass is safe to run on several instances at once (each write is compare-and-set).
 */
@ApplicationScoped
public class ReencryptionOnStart {
    private static final System.Logger LOG = System.getLogger(ReencryptionOnStart.class.getName());

    @Inject
    @ConfigProperty(name = "wearables.crypto.reencrypt-on-start", defaultValue = "false")
    boolean enabled;

    @Inject
    ReencryptConnections reencrypt;

    private Thread pass;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!enabled) {
            return;
        }
        pass = new Thread(
                () -> {
                    try {
                        reencrypt.run();
                    } catch (RuntimeException e) {
                        LOG.log(
                                Level.ERROR,
                                "the re-encryption pass stopped: {0}",
                                e.getClass().getSimpleName());
                    }
                },
                "wearables-reencryption");
        pass.setDaemon(true);
        pass.start();
    }

    @PreDestroy
    void stop() {
        if (pass != null) {
            pass.interrupt();
        }
    }
}
