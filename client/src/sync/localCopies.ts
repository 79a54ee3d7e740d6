/**
 * Offline copies of boards live in IndexedDB, one database per doc name (`<workshopId>.<groupId>`).
 * When this browser's link is revoked they can never be sent anywhere, and on a venue's shared
 * laptop they must not stay behind: every copy of the workshop is deleted. A database still open
 * by a mounted board is deleted as soon as that board lets go of it.
 */
export async function forgetLocalBoards(workshopId: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  for (const { name } of databases) {
    if (name?.startsWith(`${workshopId}.`)) indexedDB.deleteDatabase(name);
  }
}
