package health.wearables.adapters.rest.in.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/")
public class WearablesApplication extends Application {}
