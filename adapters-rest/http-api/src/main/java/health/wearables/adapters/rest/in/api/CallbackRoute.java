package health.wearables.adapters.rest.in.api;

import health.wearables.domain.callback.CallbackAnswer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which public route the browser came back on. Only the HTTP API knows it: the flow is the same on both, and only the
 * JSON body of a connected or pending outcome differs.
 */
enum CallbackRoute {
    /** {@code GET /v1/wearables/{provider}/callback} */
    OVOK {
        @Override
        Map<String, Object> connected(CallbackAnswer.Connected connected) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", true);
            body.put("provider", connected.provider().value());
            body.put("patientId", connected.patient().value());
            return body;
        }

        @Override
        Map<String, Object> pending(CallbackAnswer.Pending pending) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", true);
            body.put("provider", pending.provider().value());
            body.put("patientId", pending.patient().value());
            body.put("pending", true);
            return body;
        }
    },

    /** {@code GET /api/v1/pulse/theta/{provider_slug}/callback} */
    MIROBODY {
        @Override
        Map<String, Object> connected(CallbackAnswer.Connected connected) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("provider_slug", connected.provider().value());
            body.put("stage", "completed");
            return body;
        }

        @Override
        Map<String, Object> pending(CallbackAnswer.Pending pending) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("provider_slug", pending.provider().value());
            body.put("stage", "pending");
            return body;
        }
    };

    /** The body of a 200: connected. */
    abstract Map<String, Object> connected(CallbackAnswer.Connected connected);

    /** The body of a 202: the tokens were issued and are kept sealed; a retry stores the connection. */
    abstract Map<String, Object> pending(CallbackAnswer.Pending pending);
}
