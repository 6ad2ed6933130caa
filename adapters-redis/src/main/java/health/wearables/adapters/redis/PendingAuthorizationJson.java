package health.wearables.adapters.redis;

import static health.wearables.adapters.redis.StoredJson.bool;
import static health.wearables.adapters.redis.StoredJson.optionalText;
import static health.wearables.adapters.redis.StoredJson.text;
import static health.wearables.adapters.redis.StoredJson.wholeNumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.wearables.adapters.redis.StoredJson.Unreadable;
import health.wearables.domain.Oauth1TokenSecret;
import health.wearables.domain.PatientId;
import health.wearables.domain.PendingAuthorization;
import health.wearables.domain.PkceVerifier;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.ReturnUrl;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored form of a {@link PendingAuthorization}: a small JSON document with a version, written and read field by
 * field (no reflection), for example
 * <pre>{"v":1,"project":"acme","patient":"p-1","provider":"withings","returnUrl":"https://…","redirectOnError":true,
 * "pkceVerifier":"…","expiresAt":1767225600000}</pre>
 * {@code returnUrl} and {@code pkceVerifier} are {@code null} when absent; {@code expiresAt} is epoch milliseconds, so
 * an instant keeps millisecond precision. Version 2 adds {@code temporarySecret}, the OAuth 1.0a temporary
 * credentials' secret; it is written only for such a record, so every OAuth 2.0 record stays version 1 and readable by
 * an instance that predates OAuth 1.0a (rolling upgrades). The PKCE verifier or the temporary secret is the only
 * secret in the document; the state or token it is stored under is never part of it. {@code connectPage: true} marks
 * an authorization started on the connect page; it is written only then, so every other record keeps its fields and
 * an instance that predates the page reads the record too (it answers such a callback as JSON).
 */
final class PendingAuthorizationJson {
    static final int VERSION = 1;
    static final int VERSION_WITH_TEMPORARY_SECRET = 2;

    private PendingAuthorizationJson() {}

    static String write(PendingAuthorization pending) {
        ObjectNode document = StoredJson.newDocument(
                        pending.temporarySecret().isPresent() ? VERSION_WITH_TEMPORARY_SECRET : VERSION)
                .put("project", pending.project().value())
                .put("patient", pending.patient().value())
                .put("provider", pending.provider().value())
                .put("returnUrl", pending.returnUrl().map(ReturnUrl::value).orElse(null))
                .put("redirectOnError", pending.redirectOnError())
                .put(
                        "pkceVerifier",
                        pending.pkceVerifier().map(PkceVerifier::value).orElse(null))
                .put("expiresAt", pending.expiresAt().toEpochMilli());
        pending.temporarySecret().ifPresent(secret -> document.put("temporarySecret", secret.value()));
        if (pending.fromConnectPage()) {
            document.put("connectPage", true);
        }
        return StoredJson.write(document);
    }

    /**
     * @throws Unreadable when the text is not a version 1 or 2 document with every field well-formed; its message names
     *                    the field at fault, never a value
     */
    static PendingAuthorization read(String text) throws Unreadable {
        JsonNode document = StoredJson.document(text, VERSION, VERSION_WITH_TEMPORARY_SECRET);
        boolean withSecret = document.get("v").intValue() == VERSION_WITH_TEMPORARY_SECRET;
        String secret = withSecret ? text(document, "temporarySecret") : null;
        try {
            return new PendingAuthorization(
                    new ProjectId(text(document, "project")),
                    new PatientId(text(document, "patient")),
                    new ProviderSlug(text(document, "provider")),
                    optionalText(document, "returnUrl").map(ReturnUrl::parse),
                    bool(document, "redirectOnError"),
                    optionalText(document, "pkceVerifier").map(PkceVerifier::new),
                    Optional.ofNullable(secret).map(Oauth1TokenSecret::new),
                    Instant.ofEpochMilli(wholeNumber(document, "expiresAt")),
                    !StoredJson.absent(document, "connectPage") && bool(document, "connectPage"));
        } catch (IllegalArgumentException e) {
            // the domain's messages name the rule that failed, not the value
            throw new Unreadable("a field breaks its rules: " + e.getMessage());
        }
    }
}
