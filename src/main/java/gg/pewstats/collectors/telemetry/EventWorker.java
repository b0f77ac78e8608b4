package gg.pewstats.collectors.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.MDC;

/**
 * The second half of {@link TelemetryReader}'s one pass, on a thread of its own: while the reader
 * tokenizes the file to find each event's {@code _T}, this thread turns the bytes of the events the
 * extractors want into trees and hands them to the extractors, in file order. Every extractor runs on this
 * one thread only. Bytes in flight are bounded ({@link #MAX_BYTES_IN_FLIGHT}); a failure here stops the
 * pass with its own error; a reader that stops early stops this thread too.
 */
final class EventWorker implements AutoCloseable {

    /** Bytes of wanted events handed over and not yet read (an event larger than this goes alone). */
    static final int MAX_BYTES_IN_FLIGHT = 8 << 20;

    private record Work(int index, String type, byte[] json, List<EventReader> targets) {
    }

    private static final Work END = new Work(-1, null, null, null);

    private final ObjectMapper mapper;
    private final BiConsumer<String, JsonNode> participants;
    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final Semaphore budget = new Semaphore(MAX_BYTES_IN_FLIGHT);
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean abandoned;

    /** {@code participants} is called (on this thread) for the events naming the match's participants. */
    EventWorker(ObjectMapper mapper, BiConsumer<String, JsonNode> participants) {
        this.mapper = mapper;
        this.participants = participants;
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        thread = new Thread(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            run();
        }, Thread.currentThread().getName() + "-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands over one wanted event (its bytes are copied); waits while too many bytes are in flight. */
    void submit(int index, String type, byte[] buffer, int offset, int length, List<EventReader> targets) {
        rethrow();
        int permits = Math.min(length, MAX_BYTES_IN_FLIGHT);
        try {
            while (!budget.tryAcquire(permits, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("telemetry reading interrupted", e);
        }
        queue.add(new Work(index, type, Arrays.copyOfRange(buffer, offset, offset + length), targets));
    }

    /** Waits until every event handed over has been read; then the extractors may finish. */
    void complete() {
        queue.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            abandoned = true;
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("telemetry reading interrupted", e);
        }
        rethrow();
    }

    /** Stops the thread if the pass ended early (a bad file): the events still queued are dropped. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            abandoned = true;
            queue.add(END);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void rethrow() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    private void run() {
        while (true) {
            Work work;
            try {
                work = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (work == END) {
                return;
            }
            try {
                if (failure == null && !abandoned) {
                    read(work);
                }
            } catch (JsonProcessingException e) {
                failure = new TelemetryRejectedException("telemetry is not valid JSON near event " + work.index() + ": "
                        + e.getOriginalMessage(), e);
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error | Exception e) {
                failure = new IllegalStateException("reading event " + work.index() + " failed: " + e, e);
            } finally {
                budget.release(Math.min(work.json().length, MAX_BYTES_IN_FLIGHT));
            }
        }
    }

    private void read(Work work) throws JsonProcessingException, java.io.IOException {
        JsonNode event = mapper.readTree(work.json());
        participants.accept(work.type(), event);
        if (work.targets() != null) {
            for (EventReader reader : work.targets()) {
                reader.accept(work.index(), event);
            }
        }
    }
}
