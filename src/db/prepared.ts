// Named prepared statements for the queries every question runs: parsed and planned once per session, not on every call.
import { createHash } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import type { Queryable } from './database.js';

export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Names a statement by what it is for and its text's hash (`hybrid_…` in pg_prepared_statements): pg refuses a name reused
 * for another text, so equal names must mean equal texts.
 * On PGlite, parsing and planning in WASM was most of a small query's time: listing the documents took 1.37 ms unnamed and
 * 0.75 ms prepared, the passages of two actions 1.99 and 1.24 ms (p50, 200 calls each).
 */
export function prepared(purpose: string, text: string): PreparedStatement {
  return { name: `${purpose}_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
}

/** Runs the statement under its name, so Postgres plans it once per session instead of on every call. */
export async function queryPrepared<R extends QueryResultRow>(db: Queryable, { name, text }: PreparedStatement, values: unknown[] = []): Promise<{ rows: R[] }> {
  const named = () => db.query<R>({ name, text, values });
  try {
    return await named();
  } catch (error) {
    // pg remembers per connection which statements it prepared, but PGlite's socket server serves its one session to
    // every connection, old and new. A new connection then finds the statement already there (42P05): dropped, this
    // connection prepares its own. Another connection may find it gone for that moment (26000): that call runs unprepared.
    if (sqlState(error) === '42P05') {
      await db.query(`deallocate ${name}`).catch(() => undefined);
      try {
        return await named();
      } catch (retryError) {
        if (!['42P05', '26000'].includes(sqlState(retryError))) throw retryError;
      }
    } else if (sqlState(error) !== '26000') {
      throw error;
    }
    return await db.query<R>(text, values);
  }
}

const sqlState = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');
