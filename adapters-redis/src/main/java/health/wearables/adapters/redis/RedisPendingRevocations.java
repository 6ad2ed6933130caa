package health.wearables.adapters.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.wearables.adapters.redis.StoredJson.Unreadable;
import health.wearables.application.port.out.LeaseUnavailable;
import health.wearables.application.port.out.PendingRevocations;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.redisson.api.RedissonClient;

/**
 * Revocations owed to providers, as {@link DueRecords} under the hash tag {@code {revocations}}: field the connection,
 * record its sealed credentials, when parked and how many asks failed. A record that cannot be read (written by a
 * newer version, damaged) is left out with a WARN that names no value.
 */
public final class RedisPendingRevocations implements PendingRevocations {
    private static final System.Logger LOG = System.getLogger(RedisPendingRevocations.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DueRecords<LeaseUnavailable> parked;

    public RedisPendingRevocations(RedissonClient client, String keyPrefix, java.time.Duration timeout) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.parked = new DueRecords<>(
                client,
                keyPrefix + "{revocations}:records",
                keyPrefix + "{revocations}:due",
                timeout,
                LeaseUnavailable::new);
    }

    @Override
    public void park(SealedCredentials credentials, Instant parkedAt, Instant due) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("credentials", SealedCredentialsJson.write(credentials));
        record.put("parkedAt", parkedAt.toEpochMilli());
        record.put("attempts", 0);
        parked.put("revocation park", credentials.key().canonical(), record.toString(), due);
    }

    @Override
    public List<Parked> claimDue(Instant now, int max, Instant until) {
        List<Parked> due = new ArrayList<>();
        for (String each : parked.claim("revocations claim", now, max, until)) {
            try {
                due.add(read(each));
            } catch (Unreadable e) {
                LOG.log(Level.WARNING, "A parked revocation could not be read ({0}); it is dropped", e.getMessage());
            }
        }
        return due;
    }

    @Override
    public void retryAt(ConnectionKey key, Instant next, int attempts) {
        parked.update("revocation retry", key.canonical(), next, "{\"attempts\":" + attempts + "}");
    }

    @Override
    public void renew(SealedCredentials renewed) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        changes.put("credentials", SealedCredentialsJson.write(renewed));
        parked.change("revocation renew", renewed.key().canonical(), changes.toString());
    }

    @Override
    public void drop(ConnectionKey key) {
        parked.drop("revocation drop", key.canonical());
    }

    private static Parked read(String text) throws Unreadable {
        JsonNode record;
        try {
            record = JSON.readTree(text);
        } catch (IOException e) {
            throw new Unreadable("not JSON");
        }
        if (record == null
                || !record.path("credentials").isTextual()
                || !record.path("parkedAt").canConvertToLong()) {
            throw new Unreadable("not a parked revocation");
        }
        return new Parked(
                SealedCredentialsJson.read(record.get("credentials").asText()),
                Instant.ofEpochMilli(record.get("parkedAt").asLong()),
                record.path("attempts").asInt(0));
    }
}
