import * as Y from 'yjs';
import { assertNever } from '../control/result.js';
import type { Job, JobResults, StoredDocs } from './jobs.js';

/**
 * The decode pool's worker (DecodePool.ts): runs one job at a time off the main thread. Loaded by
 * piscina from the sources under tsx, or as dist/decodeWorker.js in the compiled server.
 */
function docsFrom(stored: StoredDocs) {
  return async (name: string): Promise<Y.Doc> => {
    const doc = new Y.Doc();
    for (const update of stored[name] ?? []) Y.applyUpdate(doc, update);
    return doc;
  };
}

/**
 * Each job's modules are imported when a job of its kind first comes. Board compactions keep a
 * worker alive on any busy node (issue #18); with everything imported up front it also held the
 * report renderer and the import checks: 212 MiB peak RSS in the typing bench, 170 with this.
 */
export default async function run(job: Job): Promise<JobResults[Job['type']]> {
  switch (job.type) {
    case 'import': {
      const { decodeBackup } = await import('./decodeBackup.js');
      return decodeBackup(job.body, job.maxStructs);
    }
    case 'report': {
      // Bytes, not a string: the main thread then sends them as they are, with no 17 MB re-encoding.
      const { renderReport } = await import('../report/renderReport.js');
      const body = await renderReport(job.workshop, docsFrom(job.docs), job.format);
      return typeof body === 'string' ? new TextEncoder().encode(body) : body;
    }
    case 'draft': {
      const { reportDraft } = await import('../report/assemble.js');
      return reportDraft(job.workshop, docsFrom(job.docs));
    }
    case 'participantData': {
      const [{ everyBoard }, { participantData }] = await Promise.all([
        import('../domain/rounds.js'),
        import('../privacy/participantData.js'),
      ]);
      const read = docsFrom(job.docs);
      const w = job.workshop;
      const boards = new Map<string, Y.Doc>();
      for (const b of everyBoard(w)) boards.set(b.key, await read(b.name));
      try {
        return participantData(w, job.participantId, boards, job.now);
      } finally {
        for (const doc of boards.values()) doc.destroy();
      }
    }
    case 'compact': {
      const { mergeDoc } = await import('../sync/mergeDoc.js');
      return mergeDoc(job.snapshot, job.updates, job.maxStructs);
    }
    default:
      return assertNever(job);
  }
}
