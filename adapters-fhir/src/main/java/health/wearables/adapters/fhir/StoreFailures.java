package health.wearables.adapters.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.wearables.application.port.out.ConnectionStoreUnavailable;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Which failures of HAPI's JPA store mean "the store cannot do this now": the database refuses or drops connections,
 * times out, or a concurrent write conflicts. Those become {@link ConnectionStoreUnavailable}, whose message names
 * the operation, the kinds of failure and the SQL state, never a value of the statement or of the resource; anything
 * else (a bug) propagates as it is.
 */
final class StoreFailures {
    private StoreFailures() {}

    static <T> T translated(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectionStoreUnavailable alreadyTranslated) { // by an operation this one is made of
            throw alreadyTranslated;
        } catch (RuntimeException e) {
            if (isStoreFailure(e)) {
                throw new ConnectionStoreUnavailable(
                        "connection store " + operation + ": the database failed (" + described(e) + ")", e);
            }
            throw e;
        }
    }

    static void translated(String operation, Runnable call) {
        translated(operation, () -> {
            call.run();
            return null;
        });
    }

    static boolean isStoreFailure(Throwable failure) {
        for (Throwable each = failure; each != null; each = each.getCause()) {
            if (each instanceof SQLException
                    || each instanceof DataAccessException
                    || each instanceof TransactionException
                    || each instanceof PersistenceException
                    || each instanceof ResourceVersionConflictException) {
                return true;
            }
        }
        return false;
    }

    /** The kinds of failure and the SQL state, e.g. {@code QueryTimeoutException < PSQLException, SQL state 57014}. */
    static String described(Throwable failure) {
        return kinds(failure)
                + sqlState(failure).map(state -> ", SQL state " + state).orElse("");
    }

    /** The simple class names along the cause chain, e.g. {@code CannotCreateTransactionException < PSQLException}. */
    static String kinds(Throwable failure) {
        List<String> kinds = new ArrayList<>();
        for (Throwable each = failure; each != null && kinds.size() < 4; each = each.getCause()) {
            kinds.add(each.getClass().getSimpleName());
        }
        return String.join(" < ", kinds);
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable each = failure; each != null; each = each.getCause()) {
            if (each instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
