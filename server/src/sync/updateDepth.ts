import * as Y from 'yjs';

/**
 * Nesting depth of the types an update would create, found without applying it and without
 * recursion (an attacker controls the depth). A struct's "level" is the depth of the type it lives
 * in: a root type (`cards`, `summary`) is level 1. In the v1 encoding an item names its parent
 * only when it has no origin; otherwise it inherits its origin's parent, so a level is found by
 * following parent and origin ids — into the doc, where the type chain is walked up through
 * `_item` at most `maxDepth` steps, or into the update itself (memoised, so each struct is
 * resolved once: the work is linear in the update's size).
 *
 * Returns true when some type would be deeper than `maxDepth`, 'cycle' for an update whose
 * references go round in a circle (forged), false otherwise. The caller has checked that every
 * referenced id exists in the doc or the update.
 */
export function typeDepthOf(
  structs: readonly Y.AbstractStruct[],
  byClient: ReadonlyMap<number, readonly Y.AbstractStruct[]>,
  doc: Y.Doc,
  maxDepth: number,
): boolean | 'cycle' {
  const docLevels = new Map<Y.AbstractType<unknown>, number>();
  const levelOfDocType = (type: Y.AbstractType<unknown>): number => {
    const cached = docLevels.get(type);
    if (cached !== undefined) return cached;
    let level = 1;
    let item = type._item;
    // Capped: a legacy board stored before the limit may hold a deeper chain than we care to walk.
    while (item && level <= maxDepth) {
      level++;
      item = (item.parent as Y.AbstractType<unknown> | null)?._item ?? null;
    }
    docLevels.set(type, level);
    return level;
  };

  /** Either a level known now, or a struct of the update whose level is needed first (+ plus). */
  type Dependency = { level: number } | { struct: Y.AbstractStruct; plus: number } | null;
  const reference = (id: Y.ID, plus: number): Dependency => {
    if (id.clock < Y.getState(doc.store, id.client)) {
      const item = Y.getItem(doc.store, id) as Y.AbstractStruct;
      // Content already garbage-collected: Yjs turns whatever lands in it into a tombstone too.
      if (!(item instanceof Y.Item)) return { level: 1 };
      if (plus === 0) return { level: levelOfDocType(item.parent as Y.AbstractType<unknown>) };
      const created = (item.content as Partial<Y.ContentType>).type;
      return { level: created ? levelOfDocType(created) : 1 };
    }
    const struct = findStruct(byClient.get(id.client), id.clock);
    return struct ? { struct, plus } : null;
  };
  const dependencyOf = (struct: Y.AbstractStruct): Dependency => {
    if (!(struct instanceof Y.Item)) return { level: 1 };
    const parent = struct.parent as string | Y.ID | null;
    if (typeof parent === 'string') return { level: 1 };
    // The level inside the type item `parent` created is one more than that item's own level.
    if (parent instanceof Y.ID) return reference(parent, 1);
    const origin = struct.origin ?? struct.rightOrigin;
    return origin ? reference(origin, 0) : { level: 1 };
  };

  const levels = new Map<Y.AbstractStruct, number>();
  for (const start of structs) {
    if (levels.has(start)) continue;
    const stack: Y.AbstractStruct[] = [start];
    const onStack = new Set<Y.AbstractStruct>(stack);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Y.AbstractStruct;
      const dependency = dependencyOf(top);
      if (dependency === null) return 'cycle';
      if ('level' in dependency) {
        levels.set(top, dependency.level);
      } else {
        const known = levels.get(dependency.struct);
        if (known === undefined) {
          if (onStack.has(dependency.struct)) return 'cycle';
          stack.push(dependency.struct);
          onStack.add(dependency.struct);
          continue;
        }
        levels.set(top, known + dependency.plus);
      }
      stack.pop();
      onStack.delete(top);
    }
  }
  for (const struct of structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) {
      if ((levels.get(struct) ?? 1) + 1 > maxDepth) return true;
    }
  }
  return false;
}

/** The struct of one client's clock-ordered list that covers `clock` (binary search). */
export function findStruct(list: readonly Y.AbstractStruct[] | undefined, clock: number): Y.AbstractStruct | null {
  if (!list) return null;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const struct = list[mid] as Y.AbstractStruct;
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return null;
}
