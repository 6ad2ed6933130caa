package health.wearables.application.port.out;

/**
 * Counts event delivery attempts by outcome ({@code delivered}, {@code failed}, {@code gone}, {@code abandoned},
 * {@code no_webhook}): the operators' metric of deliveries.
 */
@FunctionalInterface
public interface DeliveryCounts {

    void count(String outcome);
}
