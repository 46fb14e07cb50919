// Takes in corpus changes made by another instance on the same PostgreSQL server: checks every CORPUS_REFRESH_MS until the app closes.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function corpusRefresh(app: FastifyInstance): Promise<void> {
  // The embedded database is this process's alone (DATA_DIR/pglite.lock): no other instance can change its corpus.
  if (!app.config.DATABASE_URL) return;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;
  const check = async () => {
    // A check that outlasts the interval (a large corpus read again) is not stacked on by the next.
    if (running) return;
    running = true;
    try {
      if (await app.corpus.refresh()) app.log.info('corpus changed by another instance: read again');
    } catch (error) {
      // The database may be away for a while; the next check tries again.
      app.log.warn({ err: error }, 'checking the corpus for changes failed');
    } finally {
      running = false;
    }
  };
  app.addHook('onReady', async () => {
    // unref: the check alone must not keep a process alive that is otherwise done.
    timer = setInterval(() => void check(), app.config.CORPUS_REFRESH_MS).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}

export const corpusRefreshPlugin = fp(corpusRefresh, { name: 'corpus-refresh', fastify: '5.x' });
