package health.wearables.adapters.sealing;

import health.wearables.application.port.out.TokenCipher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token-sealing adapter's CDI producer: loads the Tink keyset once, at start, and hands out the
 * {@link TokenCipher} port. Token sealing is an adapter of its own: it shares the module with the FHIR store (the
 * store keeps only what it seals), not its code.
 */
@ApplicationScoped
public class SealingProducer {
    /** The data directory, where a generated keyset goes when no keyset or keyset file is configured. */
    public static final String DEFAULT_DATA_DIRECTORY = "data";

    @Inject
    @ConfigProperty(name = "wearables.data-dir", defaultValue = DEFAULT_DATA_DIRECTORY)
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "wearables.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "wearables.crypto.create-if-missing", defaultValue = "false")
    boolean createKeysetIfMissing;

    @Inject
    @ConfigProperty(name = "wearables.crypto.keyset")
    Optional<String> keysetJson;

    @Inject
    @ConfigProperty(name = "wearables.crypto.keyset-file")
    Optional<String> keysetFile;

    private TinkTokenCipher cipher;

    @PostConstruct
    void load() {
        cipher = new TinkTokenCipher(TokenKeysets.load(
                keysetJson,
                keysetFile.map(Path::of).orElse(Path.of(dataDirectory).resolve("token-keyset.json")),
                demo || createKeysetIfMissing));
    }

    @Produces
    @ApplicationScoped
    TokenCipher tokenCipher() {
        return cipher;
    }
}
