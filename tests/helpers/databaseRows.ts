import Database from 'better-sqlite3';
import pg from 'pg';

export interface FoundRow {
  table: string;
  /** The row as text (binary columns decoded as UTF-8, so text inside a Yjs update is found too). */
  text: string;
}

function rowText(row: Record<string, unknown>): string {
  return Object.values(row)
    .map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'object' ? JSON.stringify(v) : String(v)))
    .join(' | ');
}

/**
 * Reads every row of every table of the database behind `databaseUrl` straight from the database
 * (not through the Store), and returns those whose text contains any of `needles`: the check behind
 * "the store holds nothing of a deleted workshop" (issue #19) that also covers tables added later.
 */
export async function rowsContaining(databaseUrl: string, needles: string[]): Promise<FoundRow[]> {
  const all: FoundRow[] = [];
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
      for (const { name } of tables) {
        for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>) {
          all.push({ table: name, text: rowText(row) });
        }
      }
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      for (const { table_name } of tables) {
        const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM "${table_name}"`);
        for (const row of rows) all.push({ table: table_name, text: rowText(row) });
      }
    } finally {
      await client.end();
    }
  }
  return all.filter((r) => needles.some((n) => r.text.includes(n)));
}

/**
 * Runs one statement straight on the database behind `databaseUrl` (not through the Store), with
 * `?` placeholders (numbered for PostgreSQL here), and returns its rows: for writing rows as an
 * older version of the server did, and for counting what a delete left.
 */
export async function runSql(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<Array<Record<string, unknown>>> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Array<Record<string, unknown>>;
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows;
  } finally {
    await client.end();
  }
}
