package health.wearables.adapters.sealing;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Where the token keyset comes from: a Tink JSON keyset given in configuration, or a keyset file. A missing file is
 * generated (with a WARN) only when asked to: in demo mode, or with {@code wearables.crypto.create-if-missing=true}.
 */
public final class TokenKeysets {
    private static final System.Logger LOG = System.getLogger(TokenKeysets.class.getName());

    private TokenKeysets() {}

    public static KeysetHandle load(Optional<String> keysetJson, Path keysetFile, boolean createIfMissing) {
        try {
            AeadConfig.register();
            if (keysetJson.isPresent() && !keysetJson.get().isBlank()) {
                return parse(keysetJson.get());
            }
            if (Files.exists(keysetFile)) {
                return parse(Files.readString(keysetFile, StandardCharsets.UTF_8));
            }
            if (!createIfMissing) {
                throw new IllegalStateException("No token keyset: set wearables.crypto.keyset (Tink JSON keyset) or "
                        + "wearables.crypto.keyset-file (now " + keysetFile + "); see README, 'Token encryption keys'");
            }
            KeysetHandle generated = generate();
            write(keysetFile, generated);
            LOG.log(
                    Level.WARNING,
                    "Generated a new token encryption keyset at {0} (demo mode or "
                            + "wearables.crypto.create-if-missing). Tokens sealed with it are lost if the file is lost; "
                            + "configure wearables.crypto.keyset in production.",
                    keysetFile);
            return generated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token keyset is not a valid Tink AEAD keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The token keyset file " + keysetFile + " could not be read or written", e);
        }
    }

    public static KeysetHandle generate() throws GeneralSecurityException {
        AeadConfig.register();
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
    }

    public static String toJson(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(
                keyset, RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
    }

    private static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
    }

    private static void write(Path file, KeysetHandle keyset) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toJson(keyset), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.log(Level.DEBUG, "no POSIX permissions on this file system");
        }
    }
}
