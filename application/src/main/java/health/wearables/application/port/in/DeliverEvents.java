package health.wearables.application.port.in;

/** A pass over the outbox: every event due is sent to its project's webhook receiver, or scheduled again. */
@FunctionalInterface
public interface DeliverEvents {

    /** Sends what is due; answers how many attempts were made this pass. */
    int deliverDue();
}
