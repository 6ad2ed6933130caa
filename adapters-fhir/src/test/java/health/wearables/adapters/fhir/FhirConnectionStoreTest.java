package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import health.wearables.adapters.sealing.TinkTokenCipher;
import health.wearables.application.port.in.ReencryptConnections;
import health.wearables.application.port.out.ConnectionStore;
import health.wearables.application.port.out.ConnectionStoreContract;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.StoredCredentials;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.application.service.ReencryptConnectionsService;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.StoredConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * The connection store contract against HAPI FHIR JPA on the real PostgreSQL, plus what only Endpoints can show (and a
 * re-encryption pass over the stored credentials).
 */
class FhirConnectionStoreTest extends ConnectionStoreContract {
    private final EmbeddedFhirStore fhir = SharedFhirStore.get();
    private final FhirConnectionStore store = SharedFhirStore.connections();

    @Override
    protected ConnectionStore store() {
        return store;
    }

    @Override
    protected StoredCredentials stored() {
        return store;
    }

    private Endpoint endpointOf(ConnectionKey key) {
        SearchParameterMap search = SearchParameterMap.newSynchronous();
        search.add("identifier", new TokenParam(EndpointMapping.CONNECTION_SYSTEM, key.canonical()));
        List<?> found =
                fhir.endpoints().search(search, new SystemRequestDetails()).getAllResources();
        assertThat(found).hasSize(1);
        return (Endpoint) found.get(0);
    }

    private SealedCredentials sample(ConnectionKey key, String access) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ReversibleTokenCipher cipher = new ReversibleTokenCipher();
        return new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, access),
                Optional.of(cipher.seal(key, TokenKind.REFRESH, "r-" + access)),
                Optional.empty(),
                Optional.of(now.plusSeconds(60)),
                List.of("activity"),
                Optional.of("user-1"),
                now);
    }

    @Test
    void the_endpoint_is_valid_r4_identified_and_tagged_with_its_project() {
        ConnectionKey key = Samples.connectionKey();
        store.save(sample(key, "token-for-validation"));

        Endpoint endpoint = endpointOf(key);

        assertThat(endpoint.getStatus()).isEqualTo(Endpoint.EndpointStatus.ACTIVE);
        assertThat(endpoint.getConnectionType().getCode()).isEqualTo("wearable-oauth");
        assertThat(endpoint.getPayloadType()).isNotEmpty();
        assertThat(endpoint.getAddress()).isEqualTo("urn:wearables:provider:fitbit");
        assertThat(endpoint.getMeta()
                        .getTag(
                                EndpointMapping.PROJECT_TAG_SYSTEM,
                                key.project().value()))
                .isNotNull();
        assertThat(endpoint.getIdentifier()).anySatisfy(id -> {
            assertThat(id.getSystem()).isEqualTo(EndpointMapping.CONNECTION_SYSTEM);
            assertThat(id.getValue()).isEqualTo(key.canonical());
        });
        FhirValidator validator = FhirContext.forR4Cached().newValidator();
        ValidationResult result = validator.validateWithResult(endpoint);
        assertThat(result.isSuccessful()).as(result.getMessages().toString()).isTrue();
    }

    @Test
    void a_reconnect_makes_a_new_version_of_the_same_endpoint() {
        ConnectionKey key = Samples.connectionKey();
        StoredConnection first = store.save(sample(key, "one")).connection();
        StoredConnection second = store.save(sample(key, "two")).connection();

        Endpoint endpoint = endpointOf(key);
        assertThat(second.endpointId()).isEqualTo(first.endpointId());
        assertThat(endpoint.getIdElement().getVersionIdPartAsLong()).isEqualTo(2L);
    }

    @Test
    void the_endpoint_holds_no_token_in_plaintext() {
        ConnectionKey key = Samples.connectionKey();
        store.save(sample(key, "very-secret-access-token-xyz"));

        String json = fhir.fhirContext().newJsonParser().encodeResourceToString(endpointOf(key));

        assertThat(json).doesNotContain("very-secret-access-token-xyz");
    }

    @Test
    void hapi_refuses_an_update_naming_a_version_that_is_no_longer_current() {
        ConnectionKey key = Samples.connectionKey();
        store.save(sample(key, "first"));
        Endpoint first = endpointOf(key);
        store.save(sample(key, "second"));

        assertThat(first.getIdElement().getVersionIdPart()).isEqualTo("1");
        assertThatThrownBy(() -> fhir.endpoints().update(first, new SystemRequestDetails()))
                .isInstanceOf(ResourceVersionConflictException.class);
        assertThat(endpointOf(key).getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void after_a_key_rotation_one_pass_moves_every_token_to_the_new_key_and_the_old_key_can_go() throws Exception {
        AeadConfig.register(); // before the first keyset is made, whichever test class ran first
        KeysetHandle oldKeys =
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
        TinkTokenCipher before = new TinkTokenCipher(oldKeys);
        ConnectionKey oauth2 = Samples.connectionKey();
        ConnectionKey oauth1 = Samples.connectionKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.save(new SealedCredentials(
                oauth2,
                before.seal(oauth2, TokenKind.ACCESS, "access-x"),
                Optional.of(before.seal(oauth2, TokenKind.REFRESH, "refresh-x")),
                Optional.empty(),
                Optional.of(now.plusSeconds(60)),
                List.of("activity"),
                Optional.of("user-x"),
                now));
        store.save(new SealedCredentials(
                oauth1,
                before.seal(oauth1, TokenKind.ACCESS, "token-y"),
                Optional.empty(),
                Optional.of(before.seal(oauth1, TokenKind.TOKEN_SECRET, "secret-y")),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                now));
        KeysetHandle rotated = KeysetHandle.newBuilder(oldKeys)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        TinkTokenCipher after = new TinkTokenCipher(rotated);

        ReencryptConnections.Report report = new ReencryptConnectionsService(store, after).run();

        // The shared test database also holds other tests' connections, sealed by the test cipher: this keyset cannot
        // open them, so they are counted as failed and left as they were.
        assertThat(report.moved()).isGreaterThanOrEqualTo(2);
        assertThat(report.connections())
                .isEqualTo(report.moved() + report.current() + report.overtaken() + report.failed());
        KeysetHandle newKeyOnly = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(rotated.getPrimary().getKey())
                        .withFixedId(rotated.getPrimary().getId())
                        .makePrimary())
                .build();
        TinkTokenCipher onlyNew = new TinkTokenCipher(newKeyOnly);
        SealedCredentials x = store.find(oauth2).orElseThrow();
        SealedCredentials y = store.find(oauth1).orElseThrow();
        assertThat(List.of(
                        x.accessToken(),
                        x.refreshToken().orElseThrow(),
                        y.accessToken(),
                        y.tokenSecret().orElseThrow()))
                .allSatisfy(token -> assertThat(token.keyId()).isEqualTo(after.primaryKeyId()));
        assertThat(onlyNew.open(oauth2, TokenKind.ACCESS, x.accessToken())).isEqualTo("access-x");
        assertThat(onlyNew.open(oauth2, TokenKind.REFRESH, x.refreshToken().orElseThrow()))
                .isEqualTo("refresh-x");
        assertThat(onlyNew.open(oauth1, TokenKind.ACCESS, y.accessToken())).isEqualTo("token-y");
        assertThat(onlyNew.open(oauth1, TokenKind.TOKEN_SECRET, y.tokenSecret().orElseThrow()))
                .isEqualTo("secret-y");
        assertThat(x.connectedAt()).isEqualTo(now);
        assertThat(x.providerUserId()).contains("user-x");
        assertThat(new ReencryptConnectionsService(store, after).run().moved())
                .as("a second pass has nothing to do")
                .isZero();
    }
}
