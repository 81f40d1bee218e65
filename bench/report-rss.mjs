// Preloaded into the measured process: prints its peak memory and CPU time when it exits
// (CPU time stays meaningful on a machine other work keeps busy; wall time does not).
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${u.maxRSS}\nBENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\n`);
});
