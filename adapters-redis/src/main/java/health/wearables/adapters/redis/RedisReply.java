package health.wearables.adapters.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.command.CommandAsyncExecutor;

/**
 * Waiting for Redis with a bound. Every call of the adapters goes through {@link #await}, so a Redis that is down,
 * slow or refusing answers within the configured timeout with the caller's own "unavailable" exception. The messages
 * built here name the operation and the kind of failure, never a key's secret or a value.
 */
final class RedisReply {

    private RedisReply() {}

    /**
     * Sends a command and waits at most {@code bound} for its reply.
     *
     * @param what        the operation, for the message ("state store put")
     * @param unavailable builds the caller's exception from a message and a cause
     */
    static <T, X extends RuntimeException> T await(
            String what,
            Duration bound,
            Supplier<? extends CompletionStage<T>> command,
            BiFunction<String, Throwable, X> unavailable) {
        CompletableFuture<T> reply;
        try {
            reply = command.get().toCompletableFuture();
        } catch (RedisException e) {
            // thrown before anything is sent, e.g. by a client that is shutting down
            throw failure(what, e, unavailable);
        }
        try {
            return reply.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(false); // a command still waiting for a connection is then never sent
            throw unavailable.apply(what + ": Redis did not answer within " + bound.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            reply.cancel(false);
            Thread.currentThread().interrupt();
            throw unavailable.apply(what + ": interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause(), unavailable);
        }
    }

    private static <X extends RuntimeException> RuntimeException failure(
            String what, Throwable cause, BiFunction<String, Throwable, X> unavailable) {
        if (cause instanceof RedisException) {
            return unavailable.apply(
                    what + ": Redis failed (" + cause.getClass().getSimpleName() + ")", cause);
        }
        return new IllegalStateException(
                what + ": unexpected failure (" + cause.getClass().getSimpleName() + ")", cause);
    }

    /** Redisson's own command executor, which sends commands that its object API does not offer. */
    static CommandAsyncExecutor executorOf(RedissonClient client) {
        if (client instanceof Redisson redisson) {
            return redisson.getCommandExecutor();
        }
        throw new IllegalArgumentException("needs the client made by Redisson.create, not a proxy or another "
                + "implementation of RedissonClient (got " + client.getClass().getName() + ")");
    }

    /**
     * Sends PING to the master that would hold the key {@code <prefix>ping} and waits at most the timeout for PONG.
     *
     * @throws X when Redis does not answer
     */
    static <X extends RuntimeException> void ping(
            RedissonClient client, RedisSettings settings, BiFunction<String, Throwable, X> unavailable) {
        CommandAsyncExecutor commands = executorOf(client);
        String routingKey = settings.keyPrefix() + "ping";
        await(
                "PING",
                settings.timeout(),
                () -> commands.<String, String>writeAsync(routingKey, StringCodec.INSTANCE, RedisCommands.PING),
                unavailable);
    }
}
