// What the benchmark and its child processes (the app, the scripted model) say to each other over IPC, and how tokens carry timestamps.

export const BENCH_MODEL = 'bench-model:latest';

/** A token as the scripted model writes it: ⟦index@written⟧, and on the first one ⟦0@written/requestReceived⟧ (epoch ms). */
export const TOKEN_PATTERN = /⟦(\d+)@([\d.]+)(?:\/([\d.]+))?⟧/g;

export type ModelRequest = { type: 'clock'; id: number } | { type: 'stats'; id: number } | { type: 'close'; id: number };
export type ModelReply =
  | { type: 'ready'; port: number }
  | { type: 'clock'; id: number; now: number }
  | { type: 'stats'; id: number; chats: number; tokens: number };

export type RelayRequest = { type: 'close'; id: number };
export type RelayReply = { type: 'ready'; port: number };

export type AppRequest =
  | { type: 'lag-reset'; id: number }
  /** Starts the second window (since the mark) without touching the first (since the reset). */
  | { type: 'lag-mark'; id: number }
  | { type: 'lag-read'; id: number }
  | { type: 'memory'; id: number }
  | { type: 'memory-peak-reset'; id: number }
  | { type: 'close'; id: number };

export interface LagReading {
  /** Milliseconds (the histogram counts nanoseconds). */
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface MemoryReading {
  rss: number;
  heapUsed: number;
  /** The highest RSS sampled (every 50 ms) since the last peak reset. */
  peakRss: number;
}

export type AppReply =
  | { type: 'ready'; port: number; startupMs: number }
  | { type: 'lag'; id: number; lag: LagReading; sinceMark: LagReading }
  | { type: 'memory'; id: number; memory: MemoryReading }
  | { type: 'ok'; id: number };
