/**
 * Hash routing: `#/` is the model library, `#/model/<id>` the editor for one model; anything else falls back to
 * the library. The hash (not the path) carries the route so the static preview server and the service worker's
 * navigate fallback serve every URL, and a reload reopens the model in the URL.
 */
import { useMemo, useSyncExternalStore } from 'react';

export type Route = { name: 'library' } | { name: 'model'; id: string };

const MODEL_PREFIX = '#/model/';

export function parseRoute(hash: string): Route {
  if (hash.startsWith(MODEL_PREFIX)) {
    const raw = hash.slice(MODEL_PREFIX.length).split(/[/?#]/)[0] ?? '';
    let id = '';
    try {
      id = decodeURIComponent(raw);
    } catch {
      return { name: 'library' };
    }
    if (id.trim() !== '') return { name: 'model', id };
  }
  return { name: 'library' };
}

export function routeToHash(route: Route): string {
  return route.name === 'model' ? `${MODEL_PREFIX}${encodeURIComponent(route.id)}` : '#/';
}

export function navigate(route: Route): void {
  const hash = routeToHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current route; re-renders on every hash change. The object is stable per hash, for effects keyed on it. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return useMemo(() => parseRoute(hash), [hash]);
}
