package health.wearables.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.out.CredentialInbox;
import health.wearables.application.port.out.CredentialInboxContract;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The credential inbox contract on the Redis Cluster, and that its listings, which scan keys, see the entries on every
 * master: one patient's hash lives in one slot, the patients of a project are spread over the cluster.
 */
class ClusterCredentialInboxTest extends CredentialInboxContract {
    @RegisterExtension
    static final RedisTopologyExtension<RedisClusterTopology> REDIS = RedisTopologyExtension.cluster();

    private final RedisCredentialInbox inbox =
            new RedisCredentialInbox(REDIS.client(), REDIS.prefix(), RedisTopology.TIMEOUT);

    @Override
    protected CredentialInbox inbox() {
        return inbox;
    }

    @Test
    void the_listings_find_the_entries_on_every_master() {
        ProjectId project = new ProjectId(Samples.unique("project"));
        List<SealedCredentials> held = IntStream.range(0, 60)
                .mapToObj(i -> credentials(
                        new ConnectionKey(project, new PatientId(Samples.unique("patient")), new ProviderSlug("oura")),
                        Instant.now()))
                .toList();
        held.forEach(credentials -> inbox.hold(credentials, Duration.ofHours(1)));

        List<RedisClusterTopology.Node> layout = REDIS.topology().masters();
        Set<Integer> masters = held.stream()
                .map(credentials -> RedisClusterTopology.masterOf(
                        layout,
                        REDIS.client()
                                .getKeys()
                                .getSlot(inbox.keyOf(project, credentials.key().patient()))))
                .collect(Collectors.toSet());
        assertThat(masters)
                .as("the patients' hashes are spread over all three masters")
                .hasSize(3);
        assertThat(inbox.held(project, Optional.empty())).containsExactlyInAnyOrderElementsOf(held);
        assertThat(inbox.waiting(100_000)).containsAll(held);
        ConnectionKey one = held.get(0).key();
        assertThat(inbox.held(project, Optional.of(one.patient()))).containsExactly(held.get(0));
    }
}
