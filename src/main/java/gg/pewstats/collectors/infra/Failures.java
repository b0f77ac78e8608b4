package gg.pewstats.collectors.infra;

/**
 * Why something failed, in one line fit for a log or a header: the root cause (an OutOfMemoryError, a
 * refused connection), not the wrappers around it ("Exception occurred during execution on the
 * exchange"), with any {@code user:password@} masked and control and bidirectional characters escaped.
 */
public final class Failures {

    /**
     * The SQLState of the first SQL exception in a failure's causes (the sql: steps wrap PostgreSQL's in
     * Spring's DataAccessException), or "" when there is none.
     */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /** For the route files' bean language ({@code ${bean:gg.pewstats.collectors.infra.Failures?method=reason(...)}}). */
    public Failures() {
    }

    public static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return LogSafe.escape(Secrets.maskUserInfo(root.getClass().getSimpleName() + ": " + root.getMessage()));
    }

    /**
     * Logback's {@code %safeEx}: a stack trace as logback renders it, with any {@code user:password@}
     * masked (a JDBC URL with user-info ends up in the messages of the driver's exceptions).
     */
    public static final class ThrowableConverter extends ch.qos.logback.classic.pattern.ThrowableProxyConverter {
        @Override
        public String convert(ch.qos.logback.classic.spi.ILoggingEvent event) {
            return Secrets.maskUserInfo(super.convert(event));
        }
    }
}
