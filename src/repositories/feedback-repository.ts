// SQL for feedback on answers: storing a judgement (helpful or not, with a comment) and exporting them all.
import type { Queryable } from '../db/database.js';

export interface FeedbackInput {
  conversationId?: string | undefined;
  turnId?: string | undefined;
  helpful: boolean;
  comment?: string | undefined;
  question?: string | undefined;
  answer?: string | undefined;
}

export interface FeedbackRow {
  id: number;
  conversationId: string | null;
  turnId: number | null;
  helpful: boolean;
  comment: string | null;
  question: string | null;
  answer: string | null;
  createdAt: string;
}

interface Row {
  // bigint columns arrive as strings from node-postgres.
  id: string;
  conversation_id: string | null;
  turn_id: string | null;
  helpful: boolean;
  comment: string | null;
  question: string | null;
  answer: string | null;
  created_at: Date;
}

const COLUMNS = 'id, conversation_id, turn_id, helpful, comment, question, answer, created_at';

const toFeedback = (row: Row): FeedbackRow => ({
  id: Number(row.id),
  conversationId: row.conversation_id,
  turnId: row.turn_id === null ? null : Number(row.turn_id),
  helpful: row.helpful,
  comment: row.comment,
  question: row.question,
  answer: row.answer,
  createdAt: row.created_at.toISOString(),
});

/**
 * Stores one judgement. Conversations expire (retention) and the schema already unlinks feedback when they go,
 * so a reference to a conversation or turn that no longer exists is stored as null instead of failing;
 * a turn only counts when it belongs to the given conversation, and it supplies the conversation when none is given.
 */
export async function insertFeedback(db: Queryable, input: FeedbackInput): Promise<FeedbackRow> {
  const { rows } = await db.query<Row>(
    `with turn as (
       select t.id, t.conversation_id from turns t
       where t.id = $2::bigint and ($1::uuid is null or t.conversation_id = $1::uuid)
     )
     insert into feedback (conversation_id, turn_id, helpful, comment, question, answer)
     values (
       coalesce((select c.id from conversations c where c.id = $1::uuid), (select conversation_id from turn)),
       (select id from turn),
       $3, $4, $5, $6
     )
     returning ${COLUMNS}`,
    [input.conversationId ?? null, input.turnId ?? null, input.helpful, input.comment ?? null, input.question ?? null, input.answer ?? null],
  );
  const row = rows[0];
  if (!row) throw new Error('insert into feedback returned no row');
  return toFeedback(row);
}

/** All feedback, newest first: the export for whoever reviews the answers. */
export async function listFeedback(db: Queryable): Promise<FeedbackRow[]> {
  const { rows } = await db.query<Row>(`select ${COLUMNS} from feedback order by created_at desc, id desc`);
  return rows.map(toFeedback);
}
