/**
 * Yjs document names, built and parsed here only, so the control plane (which hands names out in
 * `WorkshopState`) and the sync plane (which reads them from `/sync/<name>`) cannot drift apart:
 *   `<workshopId>.<groupId>`   a group's board (board/schema.ts)
 *   `<workshopId>.plenary`     the workshop's consolidated recommendations (board/plenary.ts)
 * Ids are base64url (no dots), so the first dot splits the name. Clients never build a name: they
 * take it from the state (`groups[].docName`, `plenary.docName`).
 */

/** The second half of the plenary doc's name (group ids, 12 base64url characters, never equal it). */
export const PLENARY_DOC_SUFFIX = 'plenary';

/** What a doc name points at. */
export type DocRef = { workshopId: string; kind: 'group'; groupId: string } | { workshopId: string; kind: 'plenary' };

export function docNameFor(workshopId: string, groupId: string): string {
  return `${workshopId}.${groupId}`;
}

export function plenaryDocNameFor(workshopId: string): string {
  return `${workshopId}.${PLENARY_DOC_SUFFIX}`;
}

/** The inverse of the two builders; null for anything they could not have built. */
export function parseDocName(name: string): DocRef | null {
  const [workshopId, second, ...rest] = name.split('.');
  if (!workshopId || !second || rest.length > 0) return null;
  return second === PLENARY_DOC_SUFFIX
    ? { workshopId, kind: 'plenary' }
    : { workshopId, kind: 'group', groupId: second };
}

/** What every doc name of the workshop starts with: the stores delete a workshop's docs by it. */
export function workshopDocPrefix(workshopId: string): string {
  return `${workshopId}.`;
}
