/**
 * Reference links for findings. A reference's url comes from a rule pack, which may be a custom or imported
 * one, so only http(s) URLs are ever used as link targets; known catalogues get a link built from their id.
 */
import type { Reference } from '../model/findings';

const OWASP_API_2023: Record<string, string> = {
  API1: '0xa1-broken-object-level-authorization',
  API2: '0xa2-broken-authentication',
  API3: '0xa3-broken-object-property-level-authorization',
  API4: '0xa4-unrestricted-resource-consumption',
  API5: '0xa5-broken-function-level-authorization',
  API6: '0xa6-unrestricted-access-to-sensitive-business-flows',
  API7: '0xa7-server-side-request-forgery',
  API8: '0xa8-security-misconfiguration',
  API9: '0xa9-improper-inventory-management',
  API10: '0xaa-unsafe-consumption-of-apis',
};

/** The url if it is http(s), else null: a `javascript:` or `data:` url from an imported pack is dropped. */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link for a reference: its own (safe) url, else one derived from a known catalogue id, else null. */
export function referenceUrl(ref: Reference): string | null {
  const own = safeUrl(ref.url);
  if (own) return own;
  const type = ref.type.toUpperCase();
  const num = /(\d+)/.exec(ref.id)?.[1];
  if (type === 'CWE' && num) return `https://cwe.mitre.org/data/definitions/${num}.html`;
  if (type === 'CAPEC' && num) return `https://capec.mitre.org/data/definitions/${num}.html`;
  if (type === 'OWASP-API-2023') {
    const key = /^(API\d+)/i.exec(ref.id)?.[1]?.toUpperCase();
    const slug = key ? OWASP_API_2023[key] : undefined;
    if (slug) return `https://owasp.org/API-Security/editions/2023/en/${slug}/`;
  }
  return null;
}

/** Short text for a reference: "CWE-294", "API2:2023 Broken Authentication". */
export function referenceText(ref: Reference): string {
  return ref.name ? `${ref.id} ${ref.name}` : ref.id;
}

/** The OWASP API Security ids of a finding's references, for the register's column and filter. */
export function owaspIds(refs: readonly Reference[]): string[] {
  return refs.filter((r) => r.type.toUpperCase().startsWith('OWASP-API')).map((r) => r.id);
}
