package gg.pewstats.collectors.bench;

import gg.pewstats.collectors.telemetry.MatchContext;
import gg.pewstats.collectors.telemetry.TelemetryExtraction;
import gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction;
import gg.pewstats.collectors.telemetry.TelemetryFiles;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Set;

/**
 * Run in its own JVM by the benchmark (with -Xmx256m): extracts one file with every damage event kept,
 * then prints the rows made and the peak heap used, summed over the heap pools.
 */
public final class ExtractionHeapProbe {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        TelemetryFiles files = new TelemetryFiles(file.getParent().toString(), Long.MAX_VALUE, Long.MAX_VALUE);
        // as the benchmark: four tracked players, every damage event kept
        Set<String> tracked = Set.copyOf(gg.pewstats.collectors.telemetry.TelemetryGenerator.fullSizeSquadMatch(42)
                .accountIds().subList(0, 4));
        MatchContext match = new MatchContext("bench", "Rondo", "squad", "official", null, tracked, false);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        Extraction extraction = new TelemetryExtraction(files, false).extract(match, file);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("rows=" + extraction.rowCounts().values().stream().mapToInt(Integer::intValue).sum()
                + " events=" + extraction.summary().events() + " peakHeapBytes=" + peak
                + " maxHeapBytes=" + Runtime.getRuntime().maxMemory());
    }
}
