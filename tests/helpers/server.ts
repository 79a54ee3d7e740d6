import type {
  Command,
  CreateWorkshopAnswer,
  CreateWorkshopBody,
  JoinAnswer,
  JoinBody,
  WorkshopState,
} from '@warsztat/shared';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type Limits, type RunningServer, startServer } from '../../server/src/index.js';
import { Cleanup } from './cleanup.js';
import { defaultDatabaseUrl } from './defaultDatabase.js';

/**
 * A real server on port 0 over a SQLite file in its own temp dir (or the given DATABASE_URL, e.g.
 * a test PostgreSQL database), and thin wrappers over the public REST API (DESIGN §9) so tests set
 * up workshops exactly the way clients do.
 */
export interface TestServer {
  readonly server: RunningServer;
  readonly url: string;
  readonly port: number;
  readonly databaseUrl: string;
  /**
   * Closes the running server and starts a new one on the same database (port 0 unless given);
   * `whileDown` runs in between, e.g. to edit a board offline.
   */
  restart(options?: { port?: number; whileDown?: () => unknown }): Promise<TestServer>;
}

export async function startTestServer(
  cleanup: Cleanup,
  limits: Partial<Limits> = {},
  /** `clock`: the server's epoch-ms clock, for tests that stand months later without waiting. */
  options: { databaseUrl?: string; clock?: () => number } = {},
): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? (await defaultDatabaseUrl(cleanup));
  const clock = options.clock ? { clock: options.clock } : {};
  const boot = async (port: number): Promise<TestServer> => {
    const server = cleanup.add(await startServer({ port, databaseUrl, limits, ...clock }), (s) => s.close());
    return {
      server,
      url: server.url,
      port: server.port,
      databaseUrl,
      restart: async (options = {}) => {
        await server.close();
        await options.whileDown?.();
        return boot(options.port ?? 0);
      },
    };
  };
  return boot(0);
}

/**
 * One server for a whole describe block (started in beforeAll, closed in afterAll) and a cleanup
 * that runs after each test, for suites whose tests each make their own workshop.
 */
export function sharedTestServer(limits: Partial<Limits> = {}): { readonly t: TestServer; cleanup: Cleanup } {
  const serverCleanup = new Cleanup();
  const cleanup = new Cleanup();
  let server: TestServer | undefined;
  beforeAll(async () => {
    // Every test of the suite creates its own workshop from this one loopback address, which the
    // per-address create limit (20 an hour, for strangers on the internet) is not about.
    server = await startTestServer(serverCleanup, { createsPerAddressPerHour: 10_000, ...limits });
  });
  afterEach(() => cleanup.run());
  afterAll(() => serverCleanup.run());
  return {
    cleanup,
    get t(): TestServer {
      if (!server) throw new Error('the shared server starts in beforeAll');
      return server;
    },
  };
}

export interface ApiAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** One HTTP call; `body` is sent as JSON unless it is already a string (for malformed-body tests). */
export async function api<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { token?: string; body?: unknown; contentType?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Non-JSON answers stay text; tests that care assert on `text`.
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

function expectStatus<T>(answer: ApiAnswer<T>, status: number, what: string): T {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.text}`);
  return answer.body;
}

export async function createWorkshop(
  baseUrl: string,
  body: CreateWorkshopBody = { title: 'Plan deinstytucjonalizacji — warsztat' },
): Promise<CreateWorkshopAnswer> {
  return expectStatus(
    await api<CreateWorkshopAnswer>(baseUrl, 'POST', '/api/workshops', { body }),
    201,
    'create workshop',
  );
}

export async function joinWorkshop(
  baseUrl: string,
  joinCode: string,
  name: string,
  extra: Omit<JoinBody, 'joinCode' | 'name'> = {},
): Promise<JoinAnswer> {
  return expectStatus(
    await api<JoinAnswer>(baseUrl, 'POST', '/api/join', { body: { joinCode, name, ...extra } }),
    201,
    'join',
  );
}

export async function getWorkshop(baseUrl: string, id: string, token: string): Promise<WorkshopState> {
  return expectStatus(await api<WorkshopState>(baseUrl, 'GET', `/api/workshops/${id}`, { token }), 200, 'get workshop');
}

/** Runs a facilitator command through the REST mirror and returns the new state. */
export async function runCommand(baseUrl: string, id: string, token: string, command: Command): Promise<WorkshopState> {
  return expectStatus(
    await api<WorkshopState>(baseUrl, 'POST', `/api/workshops/${id}/commands`, { token, body: command }),
    200,
    `command ${command.type}`,
  );
}

export interface Setup {
  workshop: CreateWorkshopAnswer;
  participants: JoinAnswer[];
}

/** Creates a workshop and joins `names` through the public API. */
export async function setupWorkshop(baseUrl: string, names: string[], body?: CreateWorkshopBody): Promise<Setup> {
  const workshop = await createWorkshop(baseUrl, body);
  const participants: JoinAnswer[] = [];
  for (const name of names) participants.push(await joinWorkshop(baseUrl, workshop.joinCode, name));
  return { workshop, participants };
}

/**
 * A workshop at `baseUrl` with `names` joined, auto-assigned to groups and in breakout (with a
 * timer of `minutes` when given): the starting point of most board tests.
 */
export async function breakoutWorkshop(
  baseUrl: string,
  names: string[],
  minutes?: number,
): Promise<Setup & { state: WorkshopState }> {
  const { workshop, participants } = await setupWorkshop(baseUrl, names);
  await runCommand(baseUrl, workshop.id, workshop.facilitatorToken, { type: 'assign', mode: 'auto' });
  await runCommand(baseUrl, workshop.id, workshop.facilitatorToken, {
    type: 'phase',
    to: 'breakout',
    ...(minutes === undefined ? {} : { minutes }),
  });
  return { workshop, participants, state: await getWorkshop(baseUrl, workshop.id, workshop.facilitatorToken) };
}

/** The board doc name of a participant's group, read from the API as clients must (DESIGN §9). */
export function docOfParticipant(state: WorkshopState, participantId: string): string {
  const group = state.groups.find((g) => g.memberIds.includes(participantId));
  if (!group) throw new Error(`participant ${participantId} is in no group`);
  return group.docName;
}
