// What the answer service reports about itself; the metrics plugin turns it into Prometheus series.
export interface AnswerMetrics {
  refused(reason: string): void;
  repaired(): void;
  fellBack(reason: string): void;
  answered(mode: 'llm' | 'extractive', seconds: number, firstTokenSeconds: number | null): void;
}

export const NO_METRICS: AnswerMetrics = {
  refused: () => undefined,
  repaired: () => undefined,
  fellBack: () => undefined,
  answered: () => undefined,
};
