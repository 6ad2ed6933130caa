package health.wearables.adapters.redis;

import static health.wearables.adapters.redis.StoredJson.optionalText;
import static health.wearables.adapters.redis.StoredJson.text;
import static health.wearables.adapters.redis.StoredJson.texts;
import static health.wearables.adapters.redis.StoredJson.wholeNumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.wearables.adapters.redis.StoredJson.Unreadable;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ReturnUrl;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.connect.ConnectSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link ConnectSession}, written and read field by field, for example
 * <pre>{"v":1,"project":"acme","patient":"p-1","returnUrl":"https://…","providers":["withings","oura"],
 * "openedBy":"0123456789ab","expiresAt":1767225600000}</pre>
 * {@code returnUrl} is {@code null} when absent. No secret is in it: the token it is stored under is never part of it.
 */
final class ConnectSessionJson {
    static final int VERSION = 1;

    private ConnectSessionJson() {}

    static String write(ConnectSession session) {
        ObjectNode document = StoredJson.newDocument(VERSION)
                .put("project", session.project().value())
                .put("patient", session.patient().value())
                .put("returnUrl", session.returnUrl().map(ReturnUrl::value).orElse(null));
        ArrayNode providers = document.putArray("providers");
        session.providers().forEach(provider -> providers.add(provider.value()));
        document.put("openedBy", session.openedBy().value())
                .put("expiresAt", session.expiresAt().toEpochMilli());
        return StoredJson.write(document);
    }

    /**
     * @throws Unreadable when the text is not a version 1 document with every field well-formed; its message names the
     *                    field at fault, never a value
     */
    static ConnectSession read(String text) throws Unreadable {
        JsonNode document = StoredJson.document(text, VERSION);
        try {
            List<ProviderSlug> providers = new ArrayList<>();
            for (String slug : texts(document, "providers")) {
                providers.add(new ProviderSlug(slug));
            }
            return new ConnectSession(
                    new ProjectId(text(document, "project")),
                    new PatientId(text(document, "patient")),
                    optionalText(document, "returnUrl").map(ReturnUrl::parse),
                    providers,
                    new ApiKeyId(text(document, "openedBy")),
                    Instant.ofEpochMilli(wholeNumber(document, "expiresAt")));
        } catch (IllegalArgumentException e) {
            // the domain's messages name the rule that failed, not the value
            throw new Unreadable("a field breaks its rules: " + e.getMessage());
        }
    }
}
