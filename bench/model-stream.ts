// Reads the scripted model's NDJSON chat stream as the ollama client does (fetch, one JSON object per line): shared by the controls.

/** One line's message content, with when the chunk holding it was read (epoch ms, from `now`). */
export interface ModelContent {
  content: string;
  arrived: number;
}

/** Asks the scripted model for one streamed answer and yields each non-empty content in order. */
export async function* modelContents(baseUrl: string, now: () => number): AsyncGenerator<ModelContent> {
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // The scripted model cites the first allowed action; any will do here.
    body: JSON.stringify({ model: 'bench', stream: true, messages: [{ role: 'user', content: 'Toegestane actienummers: 1.' }] }),
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const read = await reader?.read();
    if (!read || read.done) return;
    const arrived = now();
    buffered += decoder.decode(read.value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const content = line.trim() ? ((JSON.parse(line) as { message?: { content?: string } }).message?.content ?? '') : '';
      if (content) yield { content, arrived };
    }
  }
}
