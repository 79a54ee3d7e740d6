import { NoContent, requestJson } from './http';

export { joinPrivacy } from './join';

/**
 * The data subject's calls (issue #19): the information clause behind a join code, a participant's
 * copy of their data (Art. 15) and their erasure (Art. 17), and the facilitator's deletion of a
 * whole workshop. Tokens travel in the Authorization header only.
 */
export function deleteWorkshop(workshopId: string, token: string) {
  return requestJson('DELETE', `/api/workshops/${encodeURIComponent(workshopId)}`, NoContent, { token });
}

let erasedHere = false;

/** True once this tab erased its participant: the control connection's refusal that follows is expected. */
export function wasErasedHere(): boolean {
  return erasedHere;
}

export async function forgetMe(token: string) {
  // Set before the answer: the server hangs up the control socket as it erases, and that refusal
  // may reach this tab before the HTTP answer does.
  erasedHere = true;
  const result = await requestJson('DELETE', '/api/participants/me', NoContent, { token });
  if (!result.ok) erasedHere = false;
  return result;
}

/** The participant's data as the server holds it, as a JSON file to save (never cached on the way). */
export async function myData(token: string): Promise<Blob | null> {
  try {
    const response = await fetch('/api/participants/me/data', { headers: { Authorization: `Bearer ${token}` } });
    return response.ok ? await response.blob() : null;
  } catch {
    return null;
  }
}
