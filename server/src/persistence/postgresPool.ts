import pg from 'pg';
import { planeLog } from '../log.js';
import { StoreUnavailableError } from './Store.js';
import { isConnectionError, isDiskFull } from './unavailable.js';

const log = planeLog('store');

/** Ms to wait for a connection before the write is refused as `unavailable` (never queued for later). */
const CONNECT_TIMEOUT_MS = 3_000;
/** Connections per node; each command or group commit holds one only for its transaction. */
const POOL_SIZE = 10;
/** Ms to wait at startup for a database that is not reachable yet. */
const BOOT_WAIT_MS = 30_000;
/** Ms a statement may take before the connection is treated as lost (a hung network, not a slow query). */
const QUERY_TIMEOUT_MS = 15_000;

const INT8_OID = 20;
/** Epoch ms and log seqs are BIGINT; they fit a double, so read them as numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

export type Client = pg.PoolClient;

/**
 * PostgresStore's connections: a `pg` Pool whose failures are sorted once, here. A database out
 * of reach surfaces as StoreUnavailableError (the pool reconnects by itself once it is back), a
 * client the server dropped mid-use is discarded instead of crashing the process, and a write
 * refused for lack of space is remembered for the health check.
 */
export class PostgresPool {
  /** Set when a write failed for lack of space (53100/58030); the store's `ping` clears it. */
  diskFullSince: number | null = null;

  private constructor(private readonly pool: pg.Pool) {}

  static create(connectionString: string): PostgresPool {
    const pool = new pg.Pool({
      connectionString,
      max: POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      types,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool discards it and opens a new one on next use.
    pool.on('error', (error) => log.warn({ err: error }, 'postgres: idle connection lost'));
    return new PostgresPool(pool);
  }

  /**
   * Runs `work` (the migrations) once the database answers. A database that is still starting
   * (containers started together) is waited for, up to BOOT_WAIT_MS; past that, or on any other
   * error, it throws.
   */
  async whenReachable(host: string, work: (client: Client) => Promise<void>): Promise<void> {
    const deadline = Date.now() + BOOT_WAIT_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.withClient(work);
        return;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || Date.now() > deadline) throw error;
        if (attempt === 1) log.warn({ host }, 'postgres: waiting for the database');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    let client: Client;
    try {
      client = await this.pool.connect();
    } catch (error) {
      // Unreachable or overloaded is an outage; a wrong password or database name is not.
      throw isConnectionError(error) ? new StoreUnavailableError({ cause: error }) : error;
    }
    let broken: Error | undefined;
    // The pool listens for errors only on idle clients. A checked-out one that the server drops
    // between two statements (crash, shutdown) emits 'error' with nobody listening, which would
    // take the whole process down; remember it instead, so the client is discarded on release.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      return await work(client);
    } catch (error) {
      if (isDiskFull(error)) this.diskFullSince ??= Date.now();
      if (isConnectionError(error)) {
        broken = error as Error;
        throw new StoreUnavailableError({ cause: error });
      }
      throw error;
    } finally {
      // A broken client keeps a listener: it may still report the end of its socket after release.
      if (!broken) client.off('error', onError);
      client.release(broken);
    }
  }

  /** Runs `work` in one transaction; any failure rolls it back and is rethrown. */
  transaction<T>(work: (client: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    return this.withClient(async (client) => {
      await client.query(begin);
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}
