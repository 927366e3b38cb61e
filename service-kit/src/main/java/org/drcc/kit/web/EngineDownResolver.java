package org.drcc.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.drcc.kit.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request that failed because PostgreSQL, Kafka or S3 is unreachable answers 503 problem+json naming the
 * engine, with Retry-After; so does one that PostgreSQL, answering, refused for now: read-only (the wrong side of a
 * failover) or out of a resource (a full disk), each said as such, with what to do. A resolver ahead of the controller advices rather than one more advice: an advice
 * method that matched these errors by their causes would also take them from the advices of a service (Spring
 * picks the first advice with any match), and an advice cannot decline an error it matched. This one declines
 * everything that is no outage, which then goes its usual way.
 *
 * <p>"Nothing was changed" holds because every change is one transaction (the event store's, a read model's)
 * that the unreachable engine made fail before it committed; events reach Kafka through the relay from the
 * event store after the commit, and the one request that publishes itself (a privacy erasure) commits only
 * once Kafka acknowledged.
 */
public class EngineDownResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(EngineDownResolver.class);

    /** How often at most the pool is renewed for a read-only server: each refused write would do it otherwise. */
    private static final long READ_ONLY_RENEWAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int retryAfterSeconds;
    private final Runnable pools;
    private final BooleanSupplier serverReadOnly;
    private final AtomicLong renewedForReadOnly = new AtomicLong(System.nanoTime() - READ_ONLY_RENEWAL_NANOS);

    public EngineDownResolver(int retryAfterSeconds) {
        this(retryAfterSeconds, () -> { });
    }

    /** As below, on a server never taken for read-only: a write refused as read-only is a bug of ours (a 500). */
    public EngineDownResolver(int retryAfterSeconds, Runnable pools) {
        this(retryAfterSeconds, pools, () -> false);
    }

    /**
     * @param pools          run when PostgreSQL was found unreachable: retires the pooled connections (which died
     *                       with the server), so that once it is back no request is handed a dead one
     * @param serverReadOnly asked when a write was refused as read-only (SQL state 25006): whether the server is
     *                       read-only as a whole (a standby, the old primary after a failover), which is an outage
     *                       to answer as such; if not, the write came from one of our own read-only transactions,
     *                       a bug, and goes its usual way (a 500)
     */
    public EngineDownResolver(int retryAfterSeconds, Runnable pools, BooleanSupplier serverReadOnly) {
        this.retryAfterSeconds = retryAfterSeconds;
        this.pools = pools;
        this.serverReadOnly = serverReadOnly;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception error) {
        Optional<EngineDown> down = EngineDown.of(error);
        if (down.isEmpty() && "25006".equals(EngineDown.refusedState(error)) && serverReadOnly.getAsBoolean()) {
            down = Optional.of(EngineDown.POSTGRESQL);
        }
        if (down.isEmpty() || response.isCommitted()) {
            return null;
        }
        return answer(request, response, down.get(), error) ? new ModelAndView() : null;
    }

    /**
     * Answers 503 problem+json naming {@code engine}; false when the answer could not be written. {@code error} is
     * what failed (null when only the engine's health says it is down).
     */
    boolean answer(HttpServletRequest request, HttpServletResponse response, EngineDown engine, Throwable error) {
        String what = request.getMethod() + " " + request.getRequestURI();
        Verdict verdict = verdict(engine, error, what);
        // the classes only: an engine's message may carry an address, and a log line must never carry a secret
        log.warn("{} {}: {} answered 503 ({})", engine.title(), verdict.state(), what, causes(error));
        if (verdict.pool() == Pool.RETIRE || (verdict.pool() == Pool.RENEW_NOW_AND_THEN && renewalDue())) {
            pools.run();
        }
        try {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
            Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE.value(), engine.title() + " " + verdict.title(),
                    verdict.detail(), Map.of("engine", engine.title()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What the answer says, and what becomes of the pooled connections. */
    private record Verdict(String title, String state, String detail, Pool pool) {
    }

    /**
     * Kept (the server answers: overload, a full disk), retired (they died with the server), or renewed at most every
     * 10 s (a read-only server: new connections may find the new primary; renewing them for each refused write would
     * churn the pool).
     */
    private enum Pool { KEEP, RETIRE, RENEW_NOW_AND_THEN }

    private boolean renewalDue() {
        long last = renewedForReadOnly.get();
        long now = System.nanoTime();
        return now - last >= READ_ONLY_RENEWAL_NANOS && renewedForReadOnly.compareAndSet(last, now);
    }

    private Verdict verdict(EngineDown engine, Throwable error, String what) {
        if (engine != EngineDown.POSTGRESQL) {
            return new Verdict("is unreachable", "is unreachable", detail(error, engine, what), Pool.KEEP);
        }
        if (EngineDown.poolBusy(error)) {
            return new Verdict("is busy", "is busy (every pooled connection in use)", busyDetail(what), Pool.KEEP);
        }
        String refused = EngineDown.refusedState(error);
        if ("25006".equals(refused)) {
            // after a failover the old server may answer read-only: new connections find the new primary
            return new Verdict("is read-only", "is read-only (SQL state 25006)", "PostgreSQL answered that it is "
                    + "read-only (SQL state 25006: a standby, a server still in recovery, or one set read-only), so "
                    + what + " was not done and nothing was changed. Reading still works. If the primary failed over, "
                    + "point the service at the new one (spring.datasource.url, or the address that follows the "
                    + "primary); its pooled connections are renewed. Try again in " + retryAfterSeconds + " seconds.",
                    Pool.RENEW_NOW_AND_THEN);
        }
        if (refused != null) {
            String resource = switch (refused) {
                case "53100" -> "out of disk space";
                case "53200" -> "out of memory";
                case "53300" -> "out of connections";
                default -> "at a configured limit";
            };
            return new Verdict("is out of resources", "is " + resource + " (SQL state " + refused + ")",
                    "PostgreSQL answered that it is " + resource + " (SQL state " + refused + "), so " + what
                            + " was not done and nothing was changed. Free it on the database server (its log says "
                            + "which; /actuator/health may still say UP: the server answers), then try again; in "
                            + retryAfterSeconds + " seconds at the earliest.", Pool.KEEP);
        }
        return new Verdict("is unreachable", "is unreachable", detail(error, engine, what), Pool.RETIRE);
    }

    private String detail(Throwable error, EngineDown engine, String what) {
        // a service that already said precisely what it did not do (a privacy erasure, say) keeps its words
        if (error instanceof ErrorResponse own && own.getBody().getDetail() != null) {
            return own.getBody().getDetail();
        }
        return engine.title() + " could not be reached, so " + what + " was not done and nothing was changed. "
                + "Try again in " + retryAfterSeconds + " seconds; GET /actuator/health shows when it is back.";
    }

    private String busyDetail(String what) {
        return "Every connection of this service to PostgreSQL was in use for longer than it waits, so " + what
                + " was not done and nothing was changed. PostgreSQL answers; the service is overloaded. Try again in "
                + retryAfterSeconds + " seconds.";
    }

    private static String causes(Throwable error) {
        if (error == null) {
            return "its health check says so";
        }
        List<String> names = new ArrayList<>();
        for (Throwable t = error; t != null && names.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            names.add(t.getClass().getSimpleName());
        }
        return String.join(" <- ", names);
    }

    /** After Boot's DefaultErrorAttributes, which only records the error, and before the controller advices. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
