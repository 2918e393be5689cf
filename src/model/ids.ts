/**
 * Identifiers. New ids are random UUIDs (v4). Ids read from files are opaque strings and are never parsed:
 * imports keep their source's own ids so findings and triage can be matched back to the source.
 */
import type { Id } from './types';

const HEX = '0123456789abcdef';

/** A fresh UUID v4. */
export function newId(): Id {
  const c = globalThis.crypto;
  // randomUUID exists only in secure contexts (https, localhost); the app may be served over plain http on a LAN.
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 0x0f];
  }
  return out;
}

/** Whether a string has the shape of a UUID (any version). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
