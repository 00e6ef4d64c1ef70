// Preloaded into the measured `hms import` process (node --import): on exit, writes the process's own peak RSS
// (bytes) and CPU time (seconds) to HMS_BENCH_RSS_FILE as JSON, so the figures are the command's and not the
// bench's. CPU time is there because the machine is shared: wall time alone says as much about the neighbours.
// With --expose-gc it also samples the live heap (heap used right after a full collection) every second: peak RSS
// includes garbage the collector has not reclaimed yet, the live heap is what the command actually holds.
import { writeFileSync } from 'node:fs';

const file = process.env.HMS_BENCH_RSS_FILE;
let liveHeapBytes = 0;
if (file && typeof globalThis.gc === 'function')
  setInterval(() => {
    globalThis.gc();
    liveHeapBytes = Math.max(liveHeapBytes, process.memoryUsage().heapUsed);
  }, 1000).unref();
if (file)
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        peakRssBytes: u.maxRSS * 1024,
        cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6,
        liveHeapBytes,
      }),
    );
  });
