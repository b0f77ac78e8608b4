package gg.pewstats.collectors.infra;

/**
 * Why something failed, in one line fit for a log or a header: the root cause (an OutOfMemoryError, a
 * refused connection), not the wrappers around it ("Exception occurred during execution on the
 * exchange"), with any {@code user:password@} masked and control and bidirectional characters escaped.
 */
public final class Failures {

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
