import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash } from '../../src/app/routing';

describe('hash routes', () => {
  it('opens the library for the root and for anything unknown', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/model/', '#/model/%E0%A4%A', '#model/abc']) {
      expect(parseRoute(hash), hash).toEqual({ name: 'library' });
    }
  });

  it('opens the editor for #/model/<id>, decoding the id', () => {
    expect(parseRoute('#/model/abc-123')).toEqual({ name: 'model', id: 'abc-123' });
    expect(parseRoute('#/model/a%2Fb%20c')).toEqual({ name: 'model', id: 'a/b c' });
    expect(parseRoute('#/model/abc/extra')).toEqual({ name: 'model', id: 'abc' });
  });

  it('round-trips ids with reserved characters', () => {
    for (const id of ['plain', 'with space', 'a/b?c#d', 'Ünïcødé']) {
      expect(parseRoute(routeToHash({ name: 'model', id }))).toEqual({ name: 'model', id });
    }
    expect(routeToHash({ name: 'library' })).toBe('#/');
  });
});
