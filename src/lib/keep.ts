/**
 * Copies for data an analysis keeps to its end (adjacency lists, chains, crossings, evidence lists). V8 learns
 * per array *literal* whether what it makes survives, and then allocates such arrays in the old generation
 * directly; an array made by `slice` or `new Array` always starts young and is copied by each minor collection
 * it survives. On a 10,000-element model minor collections are about a quarter of a full analysis, most of it
 * copying what survives, so the short lists a pass keeps are made by literals here.
 */

/** The first `n` items of `items`, as an array of exactly that length. */
export function keptCopy<T>(items: readonly T[], n: number = items.length): T[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [items[0]];
    case 2:
      return [items[0], items[1]];
    case 3:
      return [items[0], items[1], items[2]];
    case 4:
      return [items[0], items[1], items[2], items[3]];
    case 5:
      return [items[0], items[1], items[2], items[3], items[4]];
    case 6:
      return [items[0], items[1], items[2], items[3], items[4], items[5]];
    case 7:
      return [items[0], items[1], items[2], items[3], items[4], items[5], items[6]];
    case 8:
      return [items[0], items[1], items[2], items[3], items[4], items[5], items[6], items[7]];
    default:
      return items.slice(0, n);
  }
}
