// recordTurn: a conversation's first turn creates it, later turns move its last activity, a failed turn leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { listTurns, recordTurn, setConversationTime, type Turn } from '../../src/repositories/conversations-repository.js';

// Starting PGlite takes seconds alone and much longer on a busy machine.
const DATABASE_TIMEOUT = 180_000;

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
}, DATABASE_TIMEOUT);
afterAll(async () => {
  await db?.close();
});

const turn = (conversationId: string, question: string): Omit<Turn, 'id' | 'createdAt'> => ({
  conversationId,
  question,
  standaloneQuestion: question,
  answer: 'Zie Actie 19.',
  citations: [{ action: 19, section: '3.2', quote: 'erkenning', document: 'actielijst-migratieachtergrond', version: 1 }],
  actions: [19],
  mode: 'extractive',
  refused: false,
});

const conversationRow = async (id: string) =>
  (await db.pool.query<{ created_at: Date; updated_at: Date }>('select created_at, updated_at from conversations where id = $1', [id])).rows[0];

describe('recordTurn', () => {
  it('creates the conversation with its first turn and returns the stored turn', async () => {
    const id = randomUUID();
    const stored = await recordTurn(db.pool, turn(id, 'Wat zegt actie 19?'));
    expect(stored).toMatchObject({ conversationId: id, question: 'Wat zegt actie 19?', actions: [19], mode: 'extractive', refused: false });
    expect(stored.id).toBeGreaterThan(0);
    expect(stored.citations).toEqual(turn(id, '').citations);
    expect(await conversationRow(id)).toBeDefined();
    expect((await listTurns(db.pool, id)).map((row) => row.id)).toEqual([stored.id]);
  });

  it('adds later turns to the same conversation and marks it active now, keeping when it began', async () => {
    const id = randomUUID();
    const longAgo = new Date(Date.now() - 40 * 24 * 3_600_000);
    await setConversationTime(db.pool, id, longAgo);
    const first = await recordTurn(db.pool, turn(id, 'Eerste vraag'));
    const second = await recordTurn(db.pool, turn(id, 'Tweede vraag'));
    expect((await listTurns(db.pool, id)).map((row) => [row.id, row.question])).toEqual([
      [first.id, 'Eerste vraag'],
      [second.id, 'Tweede vraag'],
    ]);
    const row = await conversationRow(id);
    expect(row?.created_at.getTime()).toBe(longAgo.getTime());
    // Retention counts from the last activity: a conversation in use is not deleted for its age.
    expect(Date.now() - (row?.updated_at.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it('stores neither the turn nor a new conversation when the turn is refused by the database', async () => {
    const id = randomUUID();
    const broken = { ...turn(id, 'vraag'), question: null as unknown as string };
    await expect(recordTurn(db.pool, broken)).rejects.toMatchObject({ code: '23502' });
    expect(await conversationRow(id)).toBeUndefined();
    expect(await listTurns(db.pool, id)).toEqual([]);
  });
});
