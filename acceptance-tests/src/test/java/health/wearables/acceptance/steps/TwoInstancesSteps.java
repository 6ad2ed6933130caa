package health.wearables.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Two gateway instances behind one imaginary load balancer. */
public class TwoInstancesSteps {
    private final PatientJourney journey;
    private final Gateway gateway;
    private final ConnectingSteps connecting;
    private final List<HttpResponse<String>> arrivals = new ArrayList<>();

    public TwoInstancesSteps(PatientJourney journey, Gateway gateway, ConnectingSteps connecting) {
        this.journey = journey;
        this.gateway = gateway;
        this.connecting = connecting;
    }

    @When("she approves access at Sandbox and comes back through the other instance")
    public void returnsThroughTheOtherInstance() {
        journey.answer = gateway.browse(Gateway.onSecondInstance(connecting.approveAtSandbox()));
    }

    @When("her return link from Sandbox arrives {int} times at once, spread over both instances")
    public void arrivesManyTimesAtOnce(int times) throws Exception {
        URI link = connecting.approveAtSandbox();
        URI onSecond = Gateway.onSecondInstance(link);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                URI target = i % 2 == 0 ? link : onSecond;
                Callable<HttpResponse<String>> arrival = () -> {
                    start.await();
                    return gateway.browse(target);
                };
                sent.add(pool.submit(arrival));
            }
            start.countDown();
            for (Future<HttpResponse<String>> response : sent) {
                arrivals.add(response.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Then("exactly one arrival connects her and the other {int} are told the link is no longer valid")
    public void exactlyOneConnects(int others) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        arrivals.forEach(response -> byStatus.merge(response.statusCode(), 1, Integer::sum));
        assertThat(byStatus)
                .as("answers by status")
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(200, 1, 401, others)));
        arrivals.stream()
                .filter(response -> response.statusCode() == 401)
                .forEach(response -> IntegratorSteps.assertError(response, 401, "INVALID_STATE"));
    }
}
