package health.wearables.application.port.out;

/**
 * The connection ended (disconnected, deauthorized, retired) while something was about to write for it: the write is
 * refused, nothing of it is stored (hostile case 57: a sync running when the connection is revoked writes nothing
 * more).
 */
public class ConnectionEnded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionEnded(String message) {
        super(message);
    }
}
