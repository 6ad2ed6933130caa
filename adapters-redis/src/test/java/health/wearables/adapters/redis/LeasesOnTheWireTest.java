package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.Leases;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Redis itself sees of a refresh lease: taken with one {@code SET … NX PX} holding the holder's random token,
 * refused to a second taker the same way (who then reads the key for its own token), and ended by a compare-and-delete
 * script that deletes the key only while it still holds that token: never an unconditional {@code DEL}.
 */
class LeasesOnTheWireTest {
    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    @Test
    void a_lease_is_one_SET_NX_PX_with_the_holders_token_and_ends_by_compare_and_delete() {
        String prefix = REDIS.prefix();
        RedisLeases leases = new RedisLeases(REDIS.client(), prefix, LocalRedis.TIMEOUT);
        String key = prefix + "lease:refresh:abc123";
        AtomicReference<Optional<Leases.Lease>> second = new AtomicReference<>();

        List<String> lines = RedisMonitor.linesOf(REDIS, prefix, () -> {
            Leases.Lease held =
                    leases.take("refresh:abc123", Duration.ofSeconds(60)).orElseThrow();
            second.set(leases.take("refresh:abc123", Duration.ofSeconds(60)));
            held.close();
        });

        lines.forEach(line -> System.out.println("MONITOR line of a lease: " + line));
        assertThat(second.get()).as("a second taker is refused").isEmpty();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
        assertThat(lines.get(0)).matches(".*\"SET\" \"" + key + "\" \"[0-9a-f-]{36}\" \"PX\" \"60000\" \"NX\".*");
        assertThat(lines.get(1)).matches(".*\"SET\" \"" + key + "\" \"[0-9a-f-]{36}\" \"PX\" \"60000\" \"NX\".*");
        assertThat(lines.get(2))
                .as("the refused taker reads the key: its own token there would be its own first SET, sent again")
                .matches(".*\"GET\" \"" + key + "\".*");
        String token = lines.get(0).replaceAll(".*\"" + key + "\" \"([0-9a-f-]{36})\".*", "$1");
        List<String> release = lines.subList(3, lines.size());
        assertThat(release.subList(0, release.size() - 2))
                .as("EVALSHA of the compare-and-delete script with the holder's token (a first NOSCRIPT is retried)")
                .isNotEmpty()
                .allSatisfy(line ->
                        assertThat(line).contains("\"EVALSHA\"").contains("\"1\" \"" + key + "\" \"" + token + "\""));
        assertThat(release.get(release.size() - 2)).contains(" lua] \"get\" \"" + key + "\"");
        assertThat(release.get(release.size() - 1))
                .as("deleted inside the script, after the token was compared")
                .contains(" lua] \"del\" \"" + key + "\"");
        assertThat(lines)
                .as("never an unconditional DEL from the client")
                .noneMatch(line -> !line.contains(" lua] ")
                        && line.toUpperCase(java.util.Locale.ROOT).contains("\"DEL\""));
    }
}
