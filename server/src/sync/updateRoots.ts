import * as Y from 'yjs';
import { findStruct } from './updateDepth.js';

/**
 * Does a decoded v1 update change the root type `root` of `doc` (issue #20 point 9: once a
 * rapporteur is chosen, only they and the staff write the `summary` fragment)? Found without
 * applying it, and without recursion:
 *
 * - An inserted struct belongs to the root its parent chain reaches. In the v1 encoding an item
 *   names its parent only when it has no origin (a root's name, or the id of the item that created
 *   its parent type); otherwise it shares its origin's parent. References are followed into the
 *   update (memoised, so each struct is resolved once) or into the doc, where a type's chain is
 *   walked up through `_item` once per type (memoised too).
 * - A deletion changes the root when a delete range covers an item of it that is not deleted yet.
 *   A reconnecting client's sync step 2 carries the whole delete set of its copy, so items already
 *   deleted on the server are no change and must not count.
 *
 * Work: linear in the update's structs, plus the doc structs its delete ranges cover — the same
 * structs Yjs itself visits when it applies those deletions; the caller has already capped both
 * counts (checkUpdate). The caller has checked that every referenced id exists.
 */
export function changesRoot(
  structs: readonly Y.AbstractStruct[],
  byClient: ReadonlyMap<number, readonly Y.AbstractStruct[]>,
  deletes: ReturnType<typeof Y.decodeUpdate>['ds'],
  doc: Y.Doc,
  root: string,
): boolean {
  const target = doc.share.get(root);
  // Nothing of that root is in the doc: only an insertion naming it could change it.
  const docHasRoot = target !== undefined;
  const typeRoots = new Map<Y.AbstractType<unknown>, boolean>();
  const typeIsInRoot = (type: Y.AbstractType<unknown>): boolean => {
    const path: Y.AbstractType<unknown>[] = [];
    let current: Y.AbstractType<unknown> | null = type;
    let answer = false;
    while (current) {
      const known = typeRoots.get(current);
      if (known !== undefined) {
        answer = known;
        break;
      }
      path.push(current);
      const item: Y.Item | null = current._item;
      if (!item) {
        answer = current === target;
        break;
      }
      current = item.parent as Y.AbstractType<unknown> | null;
    }
    for (const seen of path) typeRoots.set(seen, answer);
    return answer;
  };
  const docItemInRoot = (struct: Y.AbstractStruct): boolean =>
    docHasRoot &&
    struct instanceof Y.Item &&
    struct.parent !== null &&
    typeIsInRoot(struct.parent as Y.AbstractType<unknown>);

  /** A struct's answer now, or the update's struct it depends on. */
  type Step = { inRoot: boolean } | { struct: Y.AbstractStruct };
  // A parent id names the item that created the type; an origin is a sibling. Either way the
  // struct has the same root as the item referred to.
  const reference = (id: Y.ID): Step => {
    if (id.clock < Y.getState(doc.store, id.client)) {
      return { inRoot: docItemInRoot(Y.getItem(doc.store, id) as Y.AbstractStruct) };
    }
    const struct = findStruct(byClient.get(id.client), id.clock);
    return struct ? { struct } : { inRoot: false };
  };
  const stepOf = (struct: Y.AbstractStruct): Step => {
    if (!(struct instanceof Y.Item)) return { inRoot: false };
    const parent = struct.parent as string | Y.ID | null;
    if (typeof parent === 'string') return { inRoot: parent === root };
    if (parent instanceof Y.ID) return reference(parent);
    const origin = struct.origin ?? struct.rightOrigin;
    return origin ? reference(origin) : { inRoot: false };
  };

  const answers = new Map<Y.AbstractStruct, boolean>();
  for (const start of structs) {
    if (answers.has(start)) continue;
    const stack: Y.AbstractStruct[] = [start];
    const onStack = new Set<Y.AbstractStruct>(stack);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Y.AbstractStruct;
      const step = stepOf(top);
      let inRoot: boolean;
      if ('inRoot' in step) {
        inRoot = step.inRoot;
      } else {
        const known = answers.get(step.struct);
        if (known === undefined) {
          // checkUpdate refused cycles before this runs; a repeat here would loop, so stop.
          if (onStack.has(step.struct)) return true;
          stack.push(step.struct);
          onStack.add(step.struct);
          continue;
        }
        inRoot = known;
      }
      if (inRoot) return true;
      answers.set(top, false);
      stack.pop();
      onStack.delete(top);
    }
  }

  if (!docHasRoot || target._start === null) return false;
  for (const [client, ranges] of deletes.clients) {
    const list = doc.store.clients.get(client);
    if (!list) continue;
    const end = Y.getState(doc.store, client);
    for (const range of ranges) {
      if (range.clock >= end) continue;
      let index = Y.findIndexSS(list, range.clock);
      const stop = Math.min(range.clock + range.len, end);
      for (let struct = list[index]; struct && struct.id.clock < stop; struct = list[++index]) {
        if (struct instanceof Y.Item && !struct.deleted && docItemInRoot(struct)) return true;
      }
    }
  }
  return false;
}
