package gg.pewstats.collectors.infra;

/**
 * Text from outside (a message's fields, a URL, an exception about them) made safe to log or to put in a
 * header: control characters (newlines included, so a value cannot forge a log line) and bidirectional
 * formatting characters (which reorder what a reader sees) are shown as escapes ({@code \n},
 * {@code \u202E}); everything else is kept.
 */
public final class LogSafe {

    private LogSafe() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0 and C1 controls, DEL
                || c == 0x061C || c == 0x200E || c == 0x200F // Arabic letter mark, LRM, RLM
                || (c >= 0x202A && c <= 0x202E) // LRE, RLE, PDF, LRO, RLO
                || (c >= 0x2066 && c <= 0x2069) // LRI, RLI, FSI, PDI
                || c == 0x2028 || c == 0x2029; // line and paragraph separators
    }

    /** Logback's {@code %safeMsg}: the formatted message, escaped. Every log line of the hub goes through it. */
    public static final class MessageConverter extends ch.qos.logback.classic.pattern.ClassicConverter {
        @Override
        public String convert(ch.qos.logback.classic.spi.ILoggingEvent event) {
            return escape(event.getFormattedMessage());
        }
    }

    /** Logback's {@code %safeMdc{key}}: an MDC value, escaped. */
    public static final class MdcConverter extends ch.qos.logback.classic.pattern.MDCConverter {
        @Override
        public String convert(ch.qos.logback.classic.spi.ILoggingEvent event) {
            return escape(super.convert(event));
        }
    }
}
