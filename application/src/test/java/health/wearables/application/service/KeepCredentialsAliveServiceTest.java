package health.wearables.application.service;

import static health.wearables.application.service.Syncing.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.application.port.in.KeepCredentialsAlive.Pass;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ConnectionStatus;
import health.wearables.domain.callback.ExchangeResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connections nothing has refreshed for a day are refreshed, so no refresh token expires unused. */
class KeepCredentialsAliveServiceTest {
    private static final Duration DAY = Duration.ofDays(1);
    private static final ConnectionKey AMARA_OURA = Gateway.key("acme", "amara", "oura");
    private static final ConnectionKey BEN_OURA = Gateway.key("acme", "ben", "oura");
    private static final ConnectionKey CARA_WITHINGS = Gateway.key("globex", "cara", "withings");

    private final Syncing gateway = new Syncing();
    private final KeepCredentialsAliveService keepAlive = new KeepCredentialsAliveService(
            gateway.connections, gateway.connections, gateway.refresh, gateway.leases, DAY, gateway.clock);

    @Test
    void credentials_older_than_a_day_are_refreshed_once_and_younger_ones_are_left_alone() {
        gateway.connected(AMARA_OURA, "a", "refresh-0", NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(2)));
        gateway.connected(BEN_OURA, "b", "refresh-b", NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofHours(2)));

        Pass pass = keepAlive.runOnce();

        assertThat(pass).isEqualTo(new Pass(true, 1, 0, List.of()));
        assertThat(gateway.tokenEndpoint.sent()).containsExactly("refresh-0");
        assertThat(gateway.stored(AMARA_OURA).connectedAt()).as("issued anew").isEqualTo(NOW);
    }

    @Test
    void one_pass_an_hour_across_instances() {
        gateway.connected(AMARA_OURA, "a", "refresh-0", NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(2)));
        KeepCredentialsAliveService otherInstance = new KeepCredentialsAliveService(
                gateway.connections, gateway.connections, gateway.refresh, gateway.leases, DAY, gateway.clock);
        keepAlive.runOnce();

        assertThat(otherInstance.runOnce()).isEqualTo(Pass.skipped());
        gateway.clock.advance(Duration.ofHours(1));
        assertThat(otherInstance.runOnce().ran()).isTrue();
        assertThat(gateway.tokenEndpoint.calls())
                .as("refreshed an hour ago: not again")
                .isEqualTo(1);
    }

    @Test
    void connections_without_a_refresh_token_or_not_active_are_not_refreshed() {
        gateway.connected(AMARA_OURA, "a", null, NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(2)));
        gateway.connected(BEN_OURA, "b", "refresh-b", NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(2)));
        gateway.connections.markReauthRequired(gateway.stored(BEN_OURA));

        assertThat(keepAlive.runOnce()).isEqualTo(new Pass(true, 0, 0, List.of()));
        assertThat(gateway.tokenEndpoint.calls()).isZero();
    }

    @Test
    void a_refused_refresh_token_makes_the_connection_reauth_required_and_counts_as_failed() {
        gateway.connected(
                CARA_WITHINGS, "c", "refresh-0", NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(2)));
        gateway.tokenEndpoint.answerWith(new ExchangeResult.Refused("invalid_grant"));

        assertThat(keepAlive.runOnce()).isEqualTo(new Pass(true, 0, 1, List.of()));
        assertThat(gateway.status(CARA_WITHINGS)).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
    }

    @Test
    void a_store_that_cannot_be_read_cuts_the_pass_short_and_the_next_call_tries_again() {
        gateway.connected(AMARA_OURA, "a", "refresh-0", NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(2)));
        gateway.connections.setAvailable(false);

        assertThat(keepAlive.runOnce().problems()).singleElement().asString().startsWith("connection store: ");

        gateway.connections.setAvailable(true);
        assertThat(keepAlive.runOnce()).isEqualTo(new Pass(true, 1, 0, List.of()));
    }
}
