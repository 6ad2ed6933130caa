package health.wearables.adapters.sealing;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The operator's tool for the token keyset: the cleartext Tink JSON keyset the gateway reads from
 * {@code wearables.crypto.keyset} or {@code wearables.crypto.keyset-file} ({@link TokenKeysets}). Keys are AES-256-GCM.
 *
 * <pre>
 * generate [file]          a new keyset with one key: printed to stdout, or written to a new file (owner-only)
 * rotate &lt;file&gt;            adds a new key, makes it the primary, keeps the others; writes the file back
 * rotate -                 the same for a keyset read from stdin; the new keyset goes to stdout
 * list &lt;file|-&gt;            key ids, status, which one is primary, and the key type; never key material
 * remove &lt;file&gt; &lt;key-id&gt;   removes a key that is not the primary (once no stored token uses it)
 * </pre>
 *
 * <p>Only {@code generate} without a file and {@code rotate -} print a keyset, because that is what they are asked
 * for; every other output, and every error message, names keys by id only. Nothing is logged.
 */
public final class TokenKeysetTool {
    static final String STDIN = "-";
    private static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: TokenKeysetTool generate [file]",
            "       TokenKeysetTool rotate <file|->",
            "       TokenKeysetTool list <file|->",
            "       TokenKeysetTool remove <file> <key-id>");

    private TokenKeysetTool() {}

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; 0 when it did what was asked, 1 when it failed, 2 for a usage error. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> arguments = Arrays.asList(args);
        try {
            AeadConfig.register();
            String command = arguments.isEmpty() ? "" : arguments.get(0);
            return switch (command) {
                case "generate" -> generate(arguments, out, err);
                case "rotate" -> rotate(arguments, in, out, err);
                case "list" -> list(arguments, in, out, err);
                case "remove" -> remove(arguments, out, err);
                default -> {
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (Failure e) {
            err.println(e.getMessage());
            return 1;
        } catch (GeneralSecurityException e) {
            // Tink's own messages are not repeated: they are not meant for operators and never needed here.
            err.println("Tink refused the operation (" + e.getClass().getSimpleName() + ")");
            return 1;
        }
    }

    private static int generate(List<String> arguments, PrintStream out, PrintStream err)
            throws GeneralSecurityException {
        if (arguments.size() > 2) {
            err.println(USAGE);
            return 2;
        }
        KeysetHandle keyset = TokenKeysets.generate();
        if (arguments.size() == 1) {
            out.println(TokenKeysets.toJson(keyset));
            return 0;
        }
        Path file = Path.of(arguments.get(1));
        writeNew(file, TokenKeysets.toJson(keyset));
        err.println("Wrote a new token keyset to " + file + " (owner-only); its primary key is "
                + keyId(keyset.getPrimary().getId()) + ".");
        return 0;
    }

    private static int rotate(List<String> arguments, InputStream in, PrintStream out, PrintStream err)
            throws GeneralSecurityException {
        if (arguments.size() != 2) {
            err.println(USAGE);
            return 2;
        }
        String source = arguments.get(1);
        KeysetHandle keyset = read(source, in);
        KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        String newPrimary = keyId(rotated.getPrimary().getId());
        if (source.equals(STDIN)) {
            out.println(TokenKeysets.toJson(rotated));
            err.println("New primary key " + newPrimary + "; the keyset above holds " + rotated.size() + " keys.");
            return 0;
        }
        replace(Path.of(source), TokenKeysets.toJson(rotated));
        out.println("New primary key " + newPrimary + " (was "
                + keyId(keyset.getPrimary().getId()) + ").");
        print(rotated, out);
        return 0;
    }

    private static int list(List<String> arguments, InputStream in, PrintStream out, PrintStream err)
            throws GeneralSecurityException {
        if (arguments.size() != 2) {
            err.println(USAGE);
            return 2;
        }
        print(read(arguments.get(1), in), out);
        return 0;
    }

    private static int remove(List<String> arguments, PrintStream out, PrintStream err)
            throws GeneralSecurityException {
        if (arguments.size() != 3 || arguments.get(1).equals(STDIN)) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(arguments.get(1));
        String wanted = arguments.get(2);
        KeysetHandle keyset = read(file.toString(), null);
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (keyId(entry.getId()).equals(wanted)) {
                if (entry.isPrimary()) {
                    throw new Failure("Key " + wanted + " is the primary key; rotate first, then remove it.");
                }
                builder.deleteAt(i);
                KeysetHandle rest = builder.build();
                replace(file, TokenKeysets.toJson(rest));
                out.println("Removed key " + wanted + ".");
                print(rest, out);
                return 0;
            }
        }
        throw new Failure("The keyset in " + file + " has no key " + wanted + ".");
    }

    /** One line per key: id, status, primary or not, and the key's parameters (which hold no key material). */
    private static void print(KeysetHandle keyset, PrintStream out) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            out.println(String.format(
                    "%-10s %-8s %-7s %s",
                    keyId(entry.getId()),
                    entry.getStatus().toString().toLowerCase(Locale.ROOT),
                    entry.isPrimary() ? "primary" : "-",
                    entry.getKey().getParameters()));
        }
    }

    /** A key id as the gateway writes it (Endpoint extensions, the re-encryption log): unsigned decimal. */
    static String keyId(int id) {
        return Integer.toUnsignedString(id);
    }

    private static KeysetHandle read(String source, InputStream in) {
        String json;
        try {
            json = source.equals(STDIN)
                    ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Failure("No keyset file " + source + ".");
        } catch (IOException e) {
            throw new Failure("Cannot read the keyset " + describe(source) + " ("
                    + e.getClass().getSimpleName() + ").");
        }
        try {
            // read exactly as the gateway reads it (TokenKeysets)
            return TinkJsonProtoKeysetFormat.parseKeyset(
                    json, RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // the parser's message may quote the input, which is key material
            throw new Failure("The keyset " + describe(source) + " is not a cleartext Tink JSON keyset.");
        }
    }

    private static String describe(String source) {
        return source.equals(STDIN) ? "on stdin" : "in " + source;
    }

    private static void writeNew(Path file, String json) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(
                    file, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            ownerOnly(file);
        } catch (FileAlreadyExistsException e) {
            throw new Failure("The file " + file + " exists already; a keyset is never overwritten by generate.");
        } catch (IOException e) {
            throw new Failure("Cannot write " + file + " (" + e.getClass().getSimpleName() + ").");
        }
    }

    /** Writes a sibling temporary file (owner-only) and moves it over the keyset file, atomically where possible. */
    private static void replace(Path file, String json) {
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), ".token-keyset", ".tmp");
            ownerOnly(temporary);
            Files.writeString(temporary, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new Failure("Cannot write " + file + " (" + e.getClass().getSimpleName() + "); it is unchanged.");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // best effort: the temporary file is owner-only
                }
            }
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system
        }
    }

    /** A failure whose message is ours, safe to print. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
