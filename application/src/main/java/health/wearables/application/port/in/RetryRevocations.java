package health.wearables.application.port.in;

/** A pass over the revocations still owed to providers: each one due is asked again, or given up after its time. */
@FunctionalInterface
public interface RetryRevocations {

    /** Asks what is due; answers how many revocations were asked this pass. */
    int retryDue();
}
