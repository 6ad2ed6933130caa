package health.wearables.adapters.redis;

import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxUnavailable;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.SealedCredentials;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The credential inbox in Redis: one hash per patient of a project, {@code <prefix>inbox:<project>/<patient>}, with one
 * field per provider holding the {@link SealedCredentialsJson} document (ciphertext only). Holding credentials writes
 * the field and sets the hash's TTL in one script, so a reconnect replaces the older entry of its connection; the TTL
 * is the hash's, so the newest hold of a patient sets it for all of the patient's entries. Project and patient ids
 * cannot contain {@code /} or any glob character, so the key is unambiguous and a SCAN pattern over it needs no
 * escaping of the ids.
 *
 * <p>A removal is conditional ({@code HDEL} only if the field still holds the same document): an entry that a newer
 * hold replaced stays. Listing one patient is one {@code HGETALL}; listing a project, or everything for the retry,
 * scans the keys under the prefix.
 */
public final class RedisCredentialInbox implements CredentialInbox {
    private static final System.Logger LOG = System.getLogger(RedisCredentialInbox.class.getName());

    private static final String HOLD =
            "redis.call('hset', KEYS[1], ARGV[1], ARGV[2]); " + "redis.call('pexpire', KEYS[1], ARGV[3]); return 1";
    private static final int SCAN_CHUNK = 100;

    private final RedissonClient client;
    private final String keyPrefix;
    private final Duration timeout;

    /**
     * @param keyPrefix put before every key, e.g. {@code wearables:}
     * @param timeout   how long one Redis call waits before it fails with {@link CredentialInboxUnavailable}
     */
    public RedisCredentialInbox(RedissonClient client, String keyPrefix, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix") + "inbox:";
        this.timeout = RedisSettings.positive(timeout, "timeout");
    }

    @Override
    public void hold(SealedCredentials credentials, Duration ttl) {
        Duration lifetime = RedisSettings.positive(ttl, "ttl");
        String key = keyOf(credentials.key().project(), credentials.key().patient());
        String document = SealedCredentialsJson.write(credentials);
        RedisReply.<Long, CredentialInboxUnavailable>await(
                "credential inbox hold",
                timeout,
                () -> client.getScript(StringCodec.INSTANCE)
                        .evalAsync(
                                key,
                                RScript.Mode.READ_WRITE,
                                HOLD,
                                RScript.ReturnType.INTEGER,
                                List.of(key),
                                credentials.key().provider().value(),
                                document,
                                Long.toString(lifetime.toMillis())),
                CredentialInboxUnavailable::new);
    }

    @Override
    public List<SealedCredentials> held(ProjectId project, Optional<PatientId> patient) {
        if (patient.isPresent()) {
            return entriesOf(keyOf(project, patient.get()));
        }
        return scan(keyPrefix + project.value() + "/*", Integer.MAX_VALUE);
    }

    @Override
    public List<SealedCredentials> waiting(int max) {
        return scan(keyPrefix + "*", max);
    }

    @Override
    public void remove(SealedCredentials written) {
        String key = keyOf(written.key().project(), written.key().patient());
        String document = SealedCredentialsJson.write(written);
        RedisReply.await(
                "credential inbox remove",
                timeout,
                () -> map(key).removeAsync(written.key().provider().value(), document),
                CredentialInboxUnavailable::new);
    }

    /** The key of one patient's entries. */
    String keyOf(ProjectId project, PatientId patient) {
        return keyPrefix + project.value() + "/" + patient.value();
    }

    private RMap<String, String> map(String key) {
        return client.getMap(key, StringCodec.INSTANCE);
    }

    /**
     * Redisson's key iterator sends {@code SCAN … MATCH … TYPE hash} to every master in turn, with the client's own
     * timeout and retries; a failure on the way is the inbox's failure. {@code SCAN} may name a key more than once (the
     * keyspace resized between two calls, a call repeated after a failed connection): each key is read once.
     */
    private List<SealedCredentials> scan(String pattern, int max) {
        List<SealedCredentials> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            for (String key : client.getKeys()
                    .getKeys(KeysScanOptions.defaults()
                            .pattern(pattern)
                            .type(RType.MAP)
                            .chunkSize(SCAN_CHUNK))) {
                if (!seen.add(key)) {
                    continue;
                }
                for (SealedCredentials entry : entriesOf(key)) {
                    if (found.size() == max) {
                        return found;
                    }
                    found.add(entry);
                }
            }
        } catch (RedisException e) {
            throw new CredentialInboxUnavailable(
                    "credential inbox scan: Redis failed (" + e.getClass().getSimpleName() + ")", e);
        }
        return found;
    }

    private List<SealedCredentials> entriesOf(String key) {
        Map<String, String> fields = RedisReply.await(
                "credential inbox read", timeout, () -> map(key).readAllMapAsync(), CredentialInboxUnavailable::new);
        List<SealedCredentials> entries = new ArrayList<>();
        fields.values().forEach(document -> {
            try {
                entries.add(SealedCredentialsJson.read(document));
            } catch (StoredJson.Unreadable e) {
                LOG.log(
                        Level.WARNING,
                        "Skipped an unreadable credential inbox entry ({0}); it stays until its TTL",
                        e.getMessage());
            }
        });
        entries.sort(
                Comparator.comparing((SealedCredentials entry) -> entry.key().canonical()));
        return entries;
    }
}
