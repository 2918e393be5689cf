import { describe, expect, it } from 'vitest';
import { keptCopy } from '../../src/lib/keep';

describe('keptCopy', () => {
  it('copies the first n items at exactly that length, for every size it makes by literal and past them', () => {
    const source = Array.from({ length: 12 }, (_, i) => ({ i }));
    for (let n = 0; n <= 12; n++) {
      const copy = keptCopy(source, n);
      expect(copy).not.toBe(source);
      expect(copy.length).toBe(n);
      expect(copy).toEqual(source.slice(0, n));
      copy.forEach((item, k) => expect(item).toBe(source[k]));
    }
  });

  it('copies the whole list by default', () => {
    const source = ['a', 'b', 'c'];
    expect(keptCopy(source)).toEqual(source);
    expect(keptCopy(source)).not.toBe(source);
  });
});
