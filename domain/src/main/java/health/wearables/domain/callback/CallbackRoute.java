package health.wearables.domain.callback;

/** Which public route the browser came back on; only the JSON success body differs. */
public enum CallbackRoute {
    /** {@code GET /v1/wearables/{provider}/callback} */
    OVOK,
    /** {@code GET /api/v1/pulse/theta/{provider_slug}/callback} */
    MIROBODY
}
