// A text progress bar for the ingest CLI: redrawn in place on a terminal, one line per finished phase in a log.
import type { IngestProgress } from '../ingest/ingest.js';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const PHASE_LABELS: Record<IngestProgress['phase'], string> = {
  parse: 'documenten gelezen',
  embed: 'embeddings',
  store: 'documenten opgeslagen',
};

/** `[#####-----] 12/60 embeddings` */
export function renderProgress(progress: IngestProgress, width = 20): string {
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${progress.done}/${progress.total} ${PHASE_LABELS[progress.phase]}`;
}

export interface ProgressPrinter {
  update(progress: IngestProgress): void;
  /** Ends a bar that is still open, so what follows starts on a line of its own. */
  finish(): void;
}

export function createProgressPrinter(stream: ProgressStream): ProgressPrinter {
  let open: IngestProgress['phase'] | null = null;
  const close = () => {
    if (open !== null) stream.write('\n');
    open = null;
  };
  return {
    update(progress) {
      const complete = progress.done >= progress.total;
      if (stream.isTTY) {
        if (open !== null && open !== progress.phase) close();
        stream.write(`\r${renderProgress(progress)}`);
        open = progress.phase;
        if (complete) close();
      } else if (complete) {
        // A log file gets no carriage returns: only the finished state of each phase.
        stream.write(`${renderProgress(progress)}\n`);
      }
    },
    finish: close,
  };
}
