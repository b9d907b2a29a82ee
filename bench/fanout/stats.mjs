// Measuring helpers of the fan-out bench: one clock for every process, a latency histogram, /proc readers.
import { readFileSync } from 'node:fs';

/**
 * Milliseconds on CLOCK_MONOTONIC (process.hrtime), which on Linux is one clock for every process of the
 * machine: the host stamps a message in one process and a viewer reads the stamp in another, so their
 * difference is the latency with no wall-clock step or per-process `timeOrigin` rounding in it.
 */
export function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Latencies in 0.05 ms buckets up to 60 s (larger ones land in the last bucket): bounded memory for millions of samples. */
export class LatencyHistogram {
  static BUCKET_MS = 0.05;
  #counts = new Uint32Array(Math.ceil(60_000 / LatencyHistogram.BUCKET_MS) + 1);
  count = 0;
  max = 0;

  add(ms) {
    const index = Math.min(this.#counts.length - 1, Math.max(0, Math.floor(ms / LatencyHistogram.BUCKET_MS)));
    this.#counts[index]++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** The upper edge of the bucket holding quantile `q` (0..1); 0 without samples. */
  quantile(q) {
    if (this.count === 0) return 0;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      seen += this.#counts[i];
      if (seen >= rank) return (i + 1) * LatencyHistogram.BUCKET_MS;
    }
    return this.max;
  }
}

/** Resident set size of a process in bytes, from /proc/<pid>/status (VmRSS); 0 once it is gone. */
export function rssOf(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process has exited; the sampler keeps its peak
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat; 0 once it is gone. */
export function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (clock ticks).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** The soft limit on open files of this process (children inherit it), or Infinity when unknown. */
export function openFileLimit() {
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return match && match[1] !== 'unlimited' ? Number(match[1]) : Infinity;
  } catch {
    return Infinity;
  }
}

/** Samples a process's RSS every `everyMs` and keeps the peak. */
export class RssSampler {
  #pid;
  #timer;
  peak = 0;

  constructor(pid, everyMs = 100) {
    this.#pid = pid;
    this.sample();
    this.#timer = setInterval(() => this.sample(), everyMs);
  }

  sample() {
    this.peak = Math.max(this.peak, rssOf(this.#pid));
  }

  stop() {
    clearInterval(this.#timer);
    this.sample();
  }
}

/** Left-aligned first column, right-aligned others, a rule under the header. */
export function formatTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
