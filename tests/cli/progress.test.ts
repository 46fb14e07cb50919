// Unit tests of the ingest progress bar: its text, redrawing on a terminal, one line per phase elsewhere.
import { describe, expect, it } from 'vitest';
import { createProgressPrinter, renderProgress } from '../../src/cli/progress.js';

function stream(isTTY: boolean): { isTTY: boolean; output: string; write(text: string): void } {
  return {
    isTTY,
    output: '',
    write(text) {
      this.output += text;
    },
  };
}

describe('renderProgress', () => {
  it('draws a bar of the done share with the counts and the phase', () => {
    expect(renderProgress({ phase: 'embed', done: 12, total: 60 }, 10)).toBe('[##--------] 12/60 embeddings');
    expect(renderProgress({ phase: 'embed', done: 60, total: 60 }, 10)).toBe('[##########] 60/60 embeddings');
    expect(renderProgress({ phase: 'store', done: 0, total: 0 }, 4)).toBe('[####] 0/0 documenten opgeslagen');
  });
});

describe('createProgressPrinter', () => {
  it('redraws one line per phase on a terminal', () => {
    const out = stream(true);
    const printer = createProgressPrinter(out);
    printer.update({ phase: 'embed', done: 32, total: 64 });
    printer.update({ phase: 'embed', done: 64, total: 64 });
    printer.update({ phase: 'store', done: 1, total: 2 });
    printer.finish();
    expect(out.output).toBe(
      `\r${renderProgress({ phase: 'embed', done: 32, total: 64 })}\r${renderProgress({ phase: 'embed', done: 64, total: 64 })}\n` +
        `\r${renderProgress({ phase: 'store', done: 1, total: 2 })}\n`,
    );
  });

  it('writes only the finished state of each phase to a log', () => {
    const out = stream(false);
    const printer = createProgressPrinter(out);
    printer.update({ phase: 'embed', done: 32, total: 64 });
    printer.update({ phase: 'embed', done: 64, total: 64 });
    printer.update({ phase: 'store', done: 2, total: 2 });
    printer.finish();
    expect(out.output).toBe(`${renderProgress({ phase: 'embed', done: 64, total: 64 })}\n${renderProgress({ phase: 'store', done: 2, total: 2 })}\n`);
  });
});
