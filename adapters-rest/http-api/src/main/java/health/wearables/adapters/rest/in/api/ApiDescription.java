package health.wearables.adapters.rest.in.api;

/**
 * The names the OpenAPI document's annotations share: the API's version, the project API key's security scheme and
 * the tags. What {@code /openapi} says about the API as a whole is on {@link WearablesApplication} (where SmallRye
 * OpenAPI reads it); the routes describe themselves on their resources; {@link ApiDescriptionFilter} adds what every
 * route shares.
 */
final class ApiDescription {
    private ApiDescription() {}

    /** The version of the API the paths under {@code /v1} speak. */
    static final String VERSION = "1.0.0";

    /** The security scheme's name: the project API key. */
    static final String API_KEY = "projectApiKey";

    static final String CONNECTIONS = "Connections";
    static final String CALLBACK = "Callback";
    static final String PROVIDERS = "Providers";
    static final String NOTIFICATIONS = "Provider notifications";
}
