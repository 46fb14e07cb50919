// The embedder interface the rest of the service depends on; implementations are injected.

export interface Embedder {
  /** Identifies the vector space: embeddings of different models are never compared. */
  readonly model: string;
  readonly dimensions: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}
