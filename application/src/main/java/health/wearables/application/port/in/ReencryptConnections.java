package health.wearables.application.port.in;

/**
 * Moves every stored token sealed under an older key to the cipher's primary key (hostile case 40): after a key
 * rotation, one pass makes the old key removable.
 */
public interface ReencryptConnections {

    Report run();

    /**
     * What one pass did.
     *
     * @param connections connections looked at
     * @param moved       re-sealed under the primary key and written back
     * @param current     already sealed under the primary key
     * @param overtaken   changed by a reconnect while the pass ran (the reconnect's tokens are sealed under the primary)
     * @param failed      could not be opened or written; left as they were
     */
    record Report(int connections, int moved, int current, int overtaken, int failed) {}
}
