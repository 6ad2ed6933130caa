package health.wearables.adapters.rest.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class WearablesApplication extends Application {
}
