/**
 * Yjs document names, built and parsed here only, so the control plane (which hands names out in
 * `WorkshopState`) and the sync plane (which reads them from `/sync/<name>`) cannot drift apart:
 *   `<workshopId>.<groupId>`            a group's board in the first round (board/schema.ts)
 *   `<workshopId>.<groupId>.<roundId>`  a group's board in a later round (issue #17)
 *   `<workshopId>.plenary`              the workshop's consolidated recommendations (board/plenary.ts)
 * The first round keeps the two-part name boards had before rounds existed, so stored boards and
 * stock y-websocket providers (DESIGN §9) keep working. Ids are base64url (no dots), so dots split
 * the name. Clients never build a name: they take it from the state (`groups[].docName`,
 * `groups[].boards`, `plenary.docName`).
 */

/** The second half of the plenary doc's name (group ids, 12 base64url characters, never equal it). */
export const PLENARY_DOC_SUFFIX = 'plenary';

/** What a doc name points at; `roundId` null is the first round (whatever its id). */
export type DocRef =
  | { workshopId: string; kind: 'group'; groupId: string; roundId: string | null }
  | { workshopId: string; kind: 'plenary' };

/** A group's board; `roundId` null (or left out) for the first round. */
export function docNameFor(workshopId: string, groupId: string, roundId: string | null = null): string {
  return roundId === null ? `${workshopId}.${groupId}` : `${workshopId}.${groupId}.${roundId}`;
}

export function plenaryDocNameFor(workshopId: string): string {
  return `${workshopId}.${PLENARY_DOC_SUFFIX}`;
}

/** The inverse of the two builders; null for anything they could not have built. */
export function parseDocName(name: string): DocRef | null {
  const [workshopId, second, third, ...rest] = name.split('.');
  if (!workshopId || !second || rest.length > 0 || third === '') return null;
  if (second === PLENARY_DOC_SUFFIX) return third === undefined ? { workshopId, kind: 'plenary' } : null;
  return { workshopId, kind: 'group', groupId: second, roundId: third ?? null };
}

/** What every doc name of the workshop starts with: the stores delete a workshop's docs by it. */
export function workshopDocPrefix(workshopId: string): string {
  return `${workshopId}.`;
}
