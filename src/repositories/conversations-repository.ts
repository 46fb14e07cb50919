// SQL for conversations and their turns: what follow-up questions and other instances read back.
import type { Queryable } from '../db/database.js';
import { prepared, queryPrepared } from '../db/prepared.js';
import type { Citation } from '../answer/citations.js';

export interface Turn {
  id: number;
  conversationId: string;
  question: string;
  standaloneQuestion: string;
  answer: string;
  citations: Citation[];
  actions: number[];
  mode: string;
  refused: boolean;
  createdAt: string;
}

interface TurnRow {
  id: string;
  conversation_id: string;
  question: string;
  standalone_question: string;
  answer: string;
  citations: Citation[];
  actions: number[];
  mode: string;
  refused: boolean;
  created_at: Date;
}

const toTurn = (row: TurnRow): Turn => ({
  id: Number(row.id),
  conversationId: row.conversation_id,
  question: row.question,
  standaloneQuestion: row.standalone_question,
  answer: row.answer,
  citations: row.citations,
  actions: row.actions,
  mode: row.mode,
  refused: row.refused,
  createdAt: row.created_at.toISOString(),
});

/** Creates the conversation, or moves its last activity, to `at`: for imports and for checking what retention removes. */
export async function setConversationTime(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query(
    `insert into conversations (id, created_at, updated_at) values ($1, $2, $2)
     on conflict (id) do update set updated_at = excluded.updated_at`,
    [id, at],
  );
}

export async function conversationExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from conversations where id = $1', [id]);
  return rows.length > 0;
}

export async function recentTurns(db: Queryable, conversationId: string, limit: number): Promise<Turn[]> {
  const { rows } = await db.query<TurnRow>(
    `select * from (select * from turns where conversation_id = $1 order by id desc limit $2) recent order by id`,
    [conversationId, limit],
  );
  return rows.map(toTurn);
}

export async function listTurns(db: Queryable, conversationId: string): Promise<Turn[]> {
  const { rows } = await db.query<TurnRow>('select * from turns where conversation_id = $1 order by id', [conversationId]);
  return rows.map(toTurn);
}

const RECORD_TURN = prepared(
  'record_turn',
  `with conversation as (
     insert into conversations (id) values ($1)
     on conflict (id) do update set updated_at = now()
   )
   insert into turns (conversation_id, question, standalone_question, answer, citations, actions, mode, refused)
   values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
);

/**
 * Stores a turn and marks its conversation active now, creating the conversation on its first turn. One statement: one
 * round trip instead of three (on PGlite each is a hop to its thread), and no conversation is ever left without its turn.
 * The turn's foreign key is checked at the end of the statement, when the conversation row exists.
 */
export async function recordTurn(db: Queryable, turn: Omit<Turn, 'id' | 'createdAt'>): Promise<Turn> {
  const values = [turn.conversationId, turn.question, turn.standaloneQuestion, turn.answer, JSON.stringify(turn.citations), turn.actions, turn.mode, turn.refused];
  const { rows } = await queryPrepared<TurnRow>(db, RECORD_TURN, values);
  return toTurn(rows[0] as TurnRow);
}

export async function deleteConversation(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from conversations where id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

/** Deletes conversations untouched for `days` days (their turns go with them). */
export async function deleteConversationsOlderThan(db: Queryable, days: number): Promise<number> {
  const { rowCount } = await db.query(`delete from conversations where updated_at < now() - make_interval(days => $1)`, [days]);
  return rowCount ?? 0;
}
