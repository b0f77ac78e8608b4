package gg.pewstats.collectors.telemetry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keeps the bytes the JSON parser has read since the start of the current event, so that an event the
 * extractors want can be turned into a tree from memory once its {@code _T} is known, while the file
 * itself is still read only once. Holds one event plus the parser's read-ahead: bytes before the current
 * element are dropped (lazily, when the buffer would otherwise grow), so memory is bounded by the largest
 * single element whatever the file holds.
 */
final class EventBytes extends FilterInputStream {

    private byte[] buffer = new byte[1 << 17];
    /** Absolute offset of buffer[0]. */
    private long base;
    private int length;
    /** Absolute offset before which the bytes are no longer needed. */
    private long keepFrom;

    EventBytes(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            ensure(1);
            buffer[length++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int count) throws IOException {
        int n = super.read(target, offset, count);
        if (n > 0) {
            ensure(n);
            System.arraycopy(target, offset, buffer, length, n);
            length += n;
        }
        return n;
    }

    /** Forgets the bytes before this absolute offset (the start of the next element); cheap, may be called per element. */
    void discardBefore(long offset) {
        keepFrom = Math.max(keepFrom, offset);
    }

    byte[] buffer() {
        return buffer;
    }

    /** Position in {@link #buffer()} of an absolute byte offset. */
    int position(long offset) {
        return (int) (offset - base);
    }

    private void ensure(int more) {
        if (length + more <= buffer.length) {
            return;
        }
        int drop = (int) Math.min(length, Math.max(0, keepFrom - base));
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, length - drop);
            length -= drop;
            base += drop;
        }
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
