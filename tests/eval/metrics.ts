// Retrieval metrics at action level: a question is a hit at k when any gold action is among the first k.

export interface RankedQuestion {
  gold: number[];
  ranked: number[];
}

export interface RetrievalMetrics {
  r1: number;
  r3: number;
  r5: number;
  mrr: number;
  n: number;
}

export function retrievalMetrics(questions: RankedQuestion[]): RetrievalMetrics {
  const firstGold = questions.map(({ gold, ranked }) => ranked.findIndex((action) => gold.includes(action)));
  const share = (k: number) => firstGold.filter((rank) => rank >= 0 && rank < k).length / Math.max(1, questions.length);
  return {
    r1: share(1),
    r3: share(3),
    r5: share(5),
    mrr: firstGold.reduce((sum, rank) => sum + (rank >= 0 ? 1 / (rank + 1) : 0), 0) / Math.max(1, questions.length),
    n: questions.length,
  };
}
