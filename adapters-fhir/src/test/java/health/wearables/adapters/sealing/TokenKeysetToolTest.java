package health.wearables.adapters.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysetToolTest {
    private static final Pattern KEY_MATERIAL = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");
    private static final Path NOWHERE = Path.of("/nonexistent/token-keyset.json");

    @TempDir
    Path dir;

    @Test
    void a_generated_keyset_is_what_the_gateway_reads_and_seals_with() {
        Run generate = run("generate");

        assertThat(generate.status).isZero();
        KeysetHandle keyset = TokenKeysets.load(Optional.of(generate.out), NOWHERE, false);
        assertThat(keyset.size()).isEqualTo(1);
        assertThat(keyset.getPrimary().getKey().getParameters().toString()).contains("32-byte key");
        TinkTokenCipher cipher = new TinkTokenCipher(keyset);
        ConnectionKey key = Samples.connectionKey();
        assertThat(cipher.open(key, TokenKind.ACCESS, cipher.seal(key, TokenKind.ACCESS, "access-token")))
                .isEqualTo("access-token");
    }

    @Test
    void generate_into_a_file_writes_an_owner_only_keyset_and_never_overwrites_one() throws Exception {
        Path file = dir.resolve("secrets/token-keyset.json");

        Run generate = run("generate", file.toString());

        assertThat(generate.status).isZero();
        assertThat(generate.out).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        KeysetHandle keyset = TokenKeysets.load(Optional.empty(), file, false);
        assertThat(generate.err)
                .contains(TokenKeysetTool.keyId(keyset.getPrimary().getId()));
        assertNoKeyMaterialOf(Files.readString(file), generate.err);

        String before = Files.readString(file);
        Run again = run("generate", file.toString());
        assertThat(again.status).isEqualTo(1);
        assertThat(again.err).contains("exists already");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void rotate_makes_a_new_primary_and_keeps_the_old_key_for_the_tokens_it_sealed() throws Exception {
        Path file = dir.resolve("token-keyset.json");
        assertThat(run("generate", file.toString()).status).isZero();
        KeysetHandle before = TokenKeysets.load(Optional.empty(), file, false);
        ConnectionKey key = Samples.connectionKey();
        SealedToken old = new TinkTokenCipher(before).seal(key, TokenKind.REFRESH, "old-refresh-token");

        Run rotate = run("rotate", file.toString());

        assertThat(rotate.status).isZero();
        KeysetHandle after = TokenKeysets.load(Optional.empty(), file, false);
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.getPrimary().getId()).isNotEqualTo(before.getPrimary().getId());
        TinkTokenCipher rotated = new TinkTokenCipher(after);
        assertThat(rotated.open(key, TokenKind.REFRESH, old)).isEqualTo("old-refresh-token");
        SealedToken fresh = rotated.seal(key, TokenKind.REFRESH, "new-refresh-token");
        assertThat(fresh.keyId()).isEqualTo(rotated.primaryKeyId()).isNotEqualTo(old.keyId());
        assertThat(rotate.out)
                .contains("New primary key "
                        + TokenKeysetTool.keyId(after.getPrimary().getId()))
                .contains(TokenKeysetTool.keyId(before.getPrimary().getId()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertNoKeyMaterialOf(Files.readString(file), rotate.out + rotate.err);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings).containsExactly(file);
        }
    }

    @Test
    void rotate_from_stdin_prints_the_rotated_keyset() {
        String original = run("generate").out;

        Run rotate = runWithInput(original, "rotate", "-");

        assertThat(rotate.status).isZero();
        KeysetHandle before = TokenKeysets.load(Optional.of(original), NOWHERE, false);
        KeysetHandle after = TokenKeysets.load(Optional.of(rotate.out), NOWHERE, false);
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.getPrimary().getId()).isNotEqualTo(before.getPrimary().getId());
        assertNoKeyMaterialOf(rotate.out, rotate.err);
    }

    @Test
    void list_names_every_key_by_id_and_status_and_marks_the_primary_without_key_material() throws Exception {
        Path file = dir.resolve("token-keyset.json");
        run("generate", file.toString());
        run("rotate", file.toString());
        KeysetHandle keyset = TokenKeysets.load(Optional.empty(), file, false);

        Run list = run("list", file.toString());

        assertThat(list.status).isZero();
        List<String> lines = list.out.lines().toList();
        assertThat(lines).hasSize(2);
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            String id = TokenKeysetTool.keyId(entry.getId());
            assertThat(lines)
                    .anySatisfy(line -> assertThat(line)
                            .startsWith(id)
                            .contains("enabled")
                            .contains(entry.isPrimary() ? "primary" : " - "));
        }
        assertNoKeyMaterialOf(Files.readString(file), list.out + list.err);
        assertThat(list.out).doesNotContain("\"value\"").doesNotContain("keyData");
        assertThat(runWithInput(Files.readString(file), "list", "-").out).isEqualTo(list.out);
    }

    @Test
    void remove_drops_an_old_key_but_never_the_primary() throws Exception {
        Path file = dir.resolve("token-keyset.json");
        run("generate", file.toString());
        String old = TokenKeysetTool.keyId(
                TokenKeysets.load(Optional.empty(), file, false).getPrimary().getId());
        run("rotate", file.toString());
        String primary = TokenKeysetTool.keyId(
                TokenKeysets.load(Optional.empty(), file, false).getPrimary().getId());

        Run refused = run("remove", file.toString(), primary);
        assertThat(refused.status).isEqualTo(1);
        assertThat(refused.err).contains("is the primary key");
        assertThat(run("remove", file.toString(), "12345").err).contains("has no key 12345");

        Run remove = run("remove", file.toString(), old);

        assertThat(remove.status).isZero();
        KeysetHandle after = TokenKeysets.load(Optional.empty(), file, false);
        assertThat(after.size()).isEqualTo(1);
        assertThat(TokenKeysetTool.keyId(after.getPrimary().getId())).isEqualTo(primary);
        assertNoKeyMaterialOf(Files.readString(file), remove.out + remove.err);
    }

    @Test
    void a_file_that_is_not_a_keyset_is_refused_without_quoting_it() throws Exception {
        Path file = dir.resolve("token-keyset.json");
        Files.writeString(file, "{\"primaryKeyId\": 1, \"key\": \"SECRET-LOOKING-TEXT\"");

        Run list = run("list", file.toString());

        assertThat(list.status).isEqualTo(1);
        assertThat(list.err).contains("not a cleartext Tink JSON keyset").doesNotContain("SECRET-LOOKING-TEXT");
        assertThat(run("list", dir.resolve("missing.json").toString()).err).contains("No keyset file");
    }

    @Test
    void an_unknown_command_or_missing_argument_prints_the_usage() {
        assertThat(run().status).isEqualTo(2);
        assertThat(run("shred").err).contains("usage:");
        assertThat(run("rotate").status).isEqualTo(2);
        assertThat(run("remove", "-", "1").status).isEqualTo(2);
    }

    private static void assertNoKeyMaterialOf(String keysetJson, String output) {
        List<String> material = new ArrayList<>();
        Matcher matcher = KEY_MATERIAL.matcher(keysetJson);
        while (matcher.find()) {
            material.add(matcher.group(1));
        }
        assertThat(material).isNotEmpty();
        material.forEach(value -> assertThat(output).doesNotContain(value));
    }

    private static Run run(String... args) {
        return runWithInput("", args);
    }

    private static Run runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = TokenKeysetTool.run(args, in, outStream, errStream);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {}
}
