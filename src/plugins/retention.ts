// Deletes conversations untouched for RETENTION_DAYS: once when the app is ready, then every hour until it closes.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Queryable } from '../db/database.js';
import { deleteConversationsOlderThan } from '../repositories/conversations-repository.js';

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/** One run of the job; returns how many conversations went. A failure is logged, never thrown: the next run retries. */
export async function purgeExpiredConversations(db: Queryable, days: number, log: FastifyBaseLogger): Promise<number> {
  try {
    const deleted = await deleteConversationsOlderThan(db, days);
    if (deleted) log.info({ deleted, days }, 'expired conversations deleted');
    return deleted;
  } catch (error) {
    log.warn({ err: error }, 'deleting expired conversations failed');
    return 0;
  }
}

async function retention(app: FastifyInstance): Promise<void> {
  const run = () => purgeExpiredConversations(app.db.pool, app.config.RETENTION_DAYS, app.log);
  let timer: ReturnType<typeof setInterval> | null = null;
  app.addHook('onReady', async () => {
    await run();
    // unref: the job alone must not keep a process alive that is otherwise done.
    timer = setInterval(() => void run(), RETENTION_INTERVAL_MS).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}

export const retentionPlugin = fp(retention, { name: 'retention', fastify: '5.x' });
