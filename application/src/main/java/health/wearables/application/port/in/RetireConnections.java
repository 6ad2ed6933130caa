package health.wearables.application.port.in;

/** A pass that retires the connections of every provider whose retirement date has come. */
@FunctionalInterface
public interface RetireConnections {

    /** Retires what is due; answers how many connections were retired this pass. */
    int retireDue();
}
