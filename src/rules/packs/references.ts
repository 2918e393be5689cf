/**
 * Reference builders for the built-in packs. Each catalog is named once here with its address, so a rule lists
 * `cwe(306), apiTop10(2)` and every finding, export and report carries the same ids, names and links.
 *
 * One OWASP edition per rule (docs/CATALOG.md): the API Security Top 10 2023 where one of its items fits, else
 * the OWASP Top 10 2021 (type `OWASP-2021`). Incident write-ups and the OWASP automated-threat handbook travel
 * as `DOC` references, the only reference types the rule checker accepts being those of docs/RULES.md.
 */
import type { Reference } from '../../model/findings';

export function cwe(n: number): Reference {
  return { type: 'CWE', id: `CWE-${n}`, url: `https://cwe.mitre.org/data/definitions/${n}.html` };
}

export function capec(n: number): Reference {
  return { type: 'CAPEC', id: `CAPEC-${n}`, url: `https://capec.mitre.org/data/definitions/${n}.html` };
}

export function swc(n: number): Reference {
  return { type: 'SWC', id: `SWC-${n}`, url: `https://swcregistry.io/docs/SWC-${n}` };
}

const API_TOP10: Record<number, [name: string, slug: string]> = {
  1: ['Broken Object Level Authorization', '0xa1-broken-object-level-authorization'],
  2: ['Broken Authentication', '0xa2-broken-authentication'],
  3: ['Broken Object Property Level Authorization', '0xa3-broken-object-property-level-authorization'],
  4: ['Unrestricted Resource Consumption', '0xa4-unrestricted-resource-consumption'],
  5: ['Broken Function Level Authorization', '0xa5-broken-function-level-authorization'],
  6: ['Unrestricted Access to Sensitive Business Flows', '0xa6-unrestricted-access-to-sensitive-business-flows'],
  7: ['Server Side Request Forgery', '0xa7-server-side-request-forgery'],
  8: ['Security Misconfiguration', '0xa8-security-misconfiguration'],
  9: ['Improper Inventory Management', '0xa9-improper-inventory-management'],
  10: ['Unsafe Consumption of APIs', '0xaa-unsafe-consumption-of-apis'],
};

/** An item of the OWASP API Security Top 10, 2023 edition (1 to 10). */
export function apiTop10(n: number): Reference {
  const [name, slug] = API_TOP10[n];
  return { type: 'OWASP-API-2023', id: `API${n}:2023`, name, url: `https://owasp.org/API-Security/editions/2023/en/${slug}/` };
}

const TOP10_2021: Record<number, [name: string, slug: string]> = {
  1: ['Broken Access Control', 'A01_2021-Broken_Access_Control'],
  2: ['Cryptographic Failures', 'A02_2021-Cryptographic_Failures'],
  3: ['Injection', 'A03_2021-Injection'],
  4: ['Insecure Design', 'A04_2021-Insecure_Design'],
  5: ['Security Misconfiguration', 'A05_2021-Security_Misconfiguration'],
  6: ['Vulnerable and Outdated Components', 'A06_2021-Vulnerable_and_Outdated_Components'],
  7: ['Identification and Authentication Failures', 'A07_2021-Identification_and_Authentication_Failures'],
  8: ['Software and Data Integrity Failures', 'A08_2021-Software_and_Data_Integrity_Failures'],
  9: ['Security Logging and Monitoring Failures', 'A09_2021-Security_Logging_and_Monitoring_Failures'],
};

/** An item of the OWASP Top 10, 2021 edition (1 to 9 are used), for rules no API Top 10 item fits. */
export function top10(n: number): Reference {
  const [name, slug] = TOP10_2021[n];
  return { type: 'OWASP-2021', id: `A${String(n).padStart(2, '0')}:2021`, name, url: `https://owasp.org/Top10/${slug}/` };
}

const SC_TOP10: Record<number, [name: string, slug: string]> = {
  1: ['Access Control Vulnerabilities', 'SC01-access-control'],
  2: ['Price Oracle Manipulation', 'SC02-price-oracle-manipulation'],
  4: ['Lack of Input Validation', 'SC04-lack-of-input-validation'],
  7: ['Flash Loan Attacks', 'SC07-flash-loan-attacks'],
};

/** An item of the OWASP Smart Contract Top 10, 2025 edition. */
export function scTop10(n: number): Reference {
  const [name, slug] = SC_TOP10[n];
  const id = `SC${String(n).padStart(2, '0')}:2025`;
  return { type: 'OWASP-SC-2025', id, name, url: `https://owasp.org/www-project-smart-contract-top-10/2025/en/src/${slug}.html` };
}

const DOCS = {
  'binance-fix': 'https://github.com/binance/binance-spot-api-docs/blob/master/fix-api.md',
  'binance-keytypes': 'https://github.com/binance/binance-spot-api-docs/blob/master/faqs/api_key_types.md',
  'binance-request-security': 'https://developers.binance.com/docs/binance-spot-api-docs/rest-api/request-security',
  'binance-rest': 'https://github.com/binance/binance-spot-api-docs/blob/master/rest-api.md',
  'binance-streams': 'https://github.com/binance/binance-spot-api-docs/blob/master/web-socket-streams.md',
  'binance-wsapi': 'https://github.com/binance/binance-spot-api-docs/blob/master/web-socket-api.md',
  'bybit-auth': 'https://bybit-exchange.github.io/docs/v5/guide',
  'bybit-fix': 'https://bybit-exchange.github.io/docs/fix-api/guide',
  'bybit-ratelimit': 'https://bybit-exchange.github.io/docs/v5/rate-limit',
  'chainlink-feeds': 'https://docs.chain.link/data-feeds',
  'coinbase-app-perms': 'https://docs.cdp.coinbase.com/coinbase-app/authentication-authorization/authorization',
  'coinbase-cde-auth': 'https://docs.cdp.coinbase.com/api-reference/derivatives-api/rest-api/authentication',
  'coinbase-exchange-auth': 'https://docs.cdp.coinbase.com/exchange/rest-api/authentication',
  'coinbase-fix': 'https://docs.cdp.coinbase.com/exchange/fix-api/connectivity',
  'coinbase-jwt': 'https://docs.cdp.coinbase.com/get-started/authentication/jwt-authentication',
  'deribit-api': 'https://docs.deribit.com/',
  'deribit-auth': 'https://docs.deribit.com/articles/authentication',
  'deribit-cod': 'https://docs.deribit.com/api-reference/session-management/private-enable_cancel_on_disconnect',
  'deribit-conn': 'https://docs.deribit.com/articles/connection-management-best-practices',
  'deribit-scope': 'https://docs.deribit.com/articles/access-scope',
  'eip-155': 'https://eips.ethereum.org/EIPS/eip-155',
  'eip-712': 'https://eips.ethereum.org/EIPS/eip-712',
  'kraken-fix-logon': 'https://docs.kraken.com/api/docs/prime-api/fix/logon-fix',
  'kraken-keys': 'https://support.kraken.com/hc/en-us/articles/360000919966-How-to-create-an-API-key',
  'kraken-rest-auth': 'https://docs.kraken.com/api/docs/guides/spot-rest-auth',
  'kraken-ws-auth': 'https://docs.kraken.com/api/docs/guides/spot-ws-auth',
  'ms-stride': 'https://learn.microsoft.com/en-us/archive/msdn-magazine/2006/november/uncover-security-design-flaws-using-the-stride-approach',
  'nist-800-204': 'https://nvlpubs.nist.gov/nistpubs/SpecialPublications/NIST.SP.800-204.pdf',
  'nist-800-57': 'https://csrc.nist.gov/pubs/sp/800/57/pt1/r5/final',
  'okx-auth': 'https://www.okx.com/docs-v5/en/',
  'owasp-authn-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html',
  'owasp-authz-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html',
  'owasp-keymgmt-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/Key_Management_Cheat_Sheet.html',
  'owasp-logging-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html',
  'owasp-massassign-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/Mass_Assignment_Cheat_Sheet.html',
  'owasp-oat': 'https://owasp.org/www-project-automated-threats-to-web-applications/',
  'owasp-secrets-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
  'owasp-ssrf-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html',
  'owasp-tls-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Protection_Cheat_Sheet.html',
  'owasp-ws-cs': 'https://cheatsheetseries.owasp.org/cheatsheets/WebSocket_Security_Cheat_Sheet.html',
  'rfc6455': 'https://www.rfc-editor.org/rfc/rfc6455',
  // OWASP automated threats (the draft's OWASP-OAT references).
  'OAT-013': 'https://owasp.org/www-project-automated-threats-to-web-applications/',
  'OAT-019': 'https://owasp.org/www-project-automated-threats-to-web-applications/',
  // Incident write-ups (the draft's INCIDENT references).
  'incident-3commas': 'https://www.oodaloop.com/technology/2022/12/29/3commas-admits-it-was-source-of-api-leak-that-led-to-hacks/',
  'incident-bybit-2025': 'https://website.cobo.com/post/the-bybit-breach-why-multi-sig-alone-isn-t-enough',
  'incident-mango': 'https://perpprotocol.mirror.xyz/WMgIoGMktt_fMVPkfjTxRnSt4qwsWr_Ukub0iq3vW_I',
} as const;

export type DocId = keyof typeof DOCS;

/** A document: vendor API documentation, a cheat sheet, a standard or an incident write-up. */
export function doc(id: DocId): Reference {
  return { type: 'DOC', id, url: DOCS[id] };
}
