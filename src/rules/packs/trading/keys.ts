/**
 * Trading pack: exchange API keys held by bots and integrations (KEY, non-custodial).
 * Assembled into the pack by ../trading.ts; docs/CATALOG.md has the table and the review log.
 */
import type { Rule } from '../../types';
import { apiTop10, capec, cwe, doc, top10 } from '../references';

export const KEY_RULES: Rule[] = [
  {
    id: 'KEY-01',
    title: 'Exchange API secret stored in plaintext (env file, config file, source, repo)',
    description:
      'The bot reads its API secret from a plaintext .env/config file, hard-coded constant or committed config; any file read, backup, container image or repository leak hands over trading rights (cf. 3Commas API key leak, 2022). Severity: critical when keyPermissions includes withdraw or transfer.',
    stride: 'I',
    severity: 'high',
    appliesTo: ['process'],
    when: "self.secretStorage in ['hardcoded', 'plaintextFile', 'envFile', 'configRepo']",
    mitigations: [
      { key: 'secrets-manager', text: 'Load secrets from a secrets manager/KMS/OS keychain at start-up; never commit them; restrict file permissions (environment variables are better than files but still leak to child processes and crash dumps, CWE-526).', controls: [{ property: 'secretStorage', value: 'vault' }] },
      { key: 'scope-and-bind-key', text: 'Scope the key (read/trade only, no withdraw), bind it to IPs and rotate it.', controls: [] },
    ],
    references: [cwe(312), cwe(313), cwe(798), cwe(260), cwe(526), capec(150), capec(37), doc('owasp-secrets-cs'), doc('incident-3commas'), apiTop10(2)],
  },
  {
    id: 'KEY-02',
    title: 'Store containing API secrets or credentials is not encrypted',
    description:
      'A file/database/config store holding exchange secrets, FIX passwords or tokens is plaintext at rest.',
    stride: 'I',
    severity: 'high',
    appliesTo: ['store'],
    when: "(on(self.storesSecrets) or hasAny(self.data, ['apiSecret', 'credentials', 'privateKey', 'seedPhrase'])) and off(self.encryptedAtRest)",
    mitigations: [
      { key: 'envelope-encrypt', text: 'Keep secrets in a dedicated secrets manager; if they must sit in a DB, envelope-encrypt per record with KMS keys.', controls: [{ property: 'encryptedAtRest', value: true }] },
      { key: 'restrict-store-readers', text: 'Restrict who and what can read the store; audit reads.', controls: [] },
    ],
    references: [cwe(312), cwe(522), doc('owasp-secrets-cs'), top10(2)],
  },
  {
    id: 'KEY-03',
    title: 'Trading integration holds a key with withdraw/transfer permission it does not need',
    description:
      "A bot or integration key that can withdraw or transfer funds turns any key leak into direct theft; exchanges let you create keys with only read/trade scopes (Binance, OKX Read/Trade/Withdraw, Kraken Withdraw Funds, Coinbase Transfer, Deribit wallet scope). Asserting needsWithdraw alone does not close it: a key that really must withdraw also needs the venue's withdrawal address allow-list (withdrawAllowlist), which caps what a leaked key can steal.",
    stride: 'E',
    severity: 'critical',
    appliesTo: ['process'],
    when: "hasAny(self.keyPermissions, ['withdraw', 'transfer']) and (off(self.needsWithdraw) or off(self.withdrawAllowlist))",
    mitigations: [
      { key: 'drop-withdraw-scope', text: 'Create separate keys per function; disable withdraw/transfer on trading keys.', controls: [{ property: 'keyPermissions', value: ['read', 'trade'] }] },
      { key: 'justified-withdraw-key', text: 'If withdrawals are required, combine an IP allow-list with an exchange-side withdrawal address allow-list.', controls: [{ property: 'needsWithdraw', value: true }, { property: 'withdrawAllowlist', value: true }] },
    ],
    references: [cwe(272), cwe(250), cwe(269), doc('binance-request-security'), doc('okx-auth'), doc('kraken-keys'), doc('coinbase-app-perms'), doc('deribit-scope'), top10(1)],
  },
  {
    id: 'KEY-04',
    title: 'Read-only integration (portfolio tracker, tax, analytics) accepts or holds trade-capable keys',
    description:
      "An integration whose purpose is read-only stores keys that can trade or withdraw; a breach of the integration lets attackers trade victims' balances into illiquid pairs (the pattern reported in the 3Commas leak).",
    stride: 'E',
    severity: 'high',
    appliesTo: ['process'],
    when: "self.purpose in ['portfolioTracking', 'readOnly', 'taxReporting', 'analytics'] and hasAny(self.keyPermissions, ['trade', 'withdraw', 'transfer'])",
    mitigations: [
      { key: 'verify-read-only', text: 'Verify permissions on key onboarding (e.g. Coinbase key-permissions endpoint) and reject keys with more than read scope.', controls: [{ property: 'keyPermissions', value: ['read'] }] },
      { key: 'oauth-read-scopes', text: 'Prefer OAuth2 read scopes over raw keys; publish static egress IPs so users can IP-bind keys.', controls: [] },
    ],
    references: [cwe(272), cwe(250), doc('coinbase-app-perms'), doc('incident-3commas'), top10(1)],
  },
  {
    id: 'KEY-05',
    title: 'Trade/withdraw key not bound to an IP allow-list',
    description:
      'A stolen key usable from any IP gives immediate trading access. Exchanges support IP allow-lists per key; OKX expires unbound trade/withdraw keys after 14 days of inactivity.',
    stride: 'SE',
    severity: 'high',
    appliesTo: ['process'],
    when: "hasAny(self.keyPermissions, ['trade', 'withdraw', 'transfer']) and off(self.ipAllowlist)",
    mitigations: [
      { key: 'bind-to-egress-ips', text: 'Bind keys to static egress IPs (NAT gateway / fixed VPS IP); combine with least-privilege scopes.', controls: [{ property: 'ipAllowlist', value: true }] },
      { key: 'allow-list-not-authentication', text: 'Do not treat the allow-list as authentication on its own (CWE-291).', controls: [] },
    ],
    references: [cwe(923), cwe(291), doc('okx-auth'), doc('kraken-keys'), doc('binance-request-security'), doc('deribit-scope'), apiTop10(2)],
  },
  {
    id: 'KEY-06',
    title: 'No rotation or expiry for exchange API keys',
    description:
      'Keys that live forever stay valid after laptops are lost, staff leave or a silent leak happens. Kraken keys can carry a valid_until, Deribit tokens an expires scope; most exchanges leave rotation to the user. Review decision (uncertain in the draft): kept. CWE-324 (use of a key past its expiration date) describes the opposite situation and is dropped; CWE-262 (not using password aging) is the closer analogue. Either keyExpiry true or keyRotationDays of 90 or less closes it.',
    stride: 'SE',
    severity: 'medium',
    appliesTo: ['process'],
    when: 'isSet(self.keyPermissions) and off(self.keyExpiry) and not (self.keyRotationDays <= 90)',
    mitigations: [
      { key: 'rotate-keys', text: 'Rotate on a schedule (90 days or less) and on staff or vendor changes; automate re-issue.', controls: [{ property: 'keyRotationDays', value: 90 }] },
      { key: 'set-key-expiry', text: 'Set an expiry on the key where the venue supports it.', controls: [{ property: 'keyExpiry', value: true }] },
    ],
    references: [cwe(262), doc('owasp-secrets-cs'), doc('kraken-keys'), doc('deribit-scope'), apiTop10(2)],
  },
  {
    id: 'KEY-07',
    title: 'Same API key shared across bots, hosts or environments',
    description:
      'One key used by several strategies/hosts enlarges blast radius, prevents attributing actions to a component and makes revocation disruptive (all bots stop at once).',
    stride: 'RE',
    severity: 'medium',
    appliesTo: ['process'],
    when: 'on(self.sharedKey)',
    mitigations: [
      { key: 'key-per-component', text: 'One key (or sub-account) per strategy/host/environment; label keys; revoke individually.', controls: [{ property: 'sharedKey', value: false }] },
    ],
    references: [cwe(653), cwe(1220), doc('deribit-scope'), top10(4)],
  },
  {
    id: 'KEY-08',
    title: 'API keys, secrets or tokens written to logs',
    description:
      'Debug logging of request headers/URLs writes the API key, signature or token into log files or a log pipeline readable by many people and systems. Closed by redacting the secrets so the flow into the log no longer lists them in its data.',
    stride: 'I',
    severity: 'high',
    appliesTo: ['flow'],
    when: "(is(target, 'logStore') or on(target.isLog)) and hasAny(self.data, ['apiKey', 'apiSecret', 'credentials', 'jwt', 'wsToken', 'privateKey', 'seedPhrase'])",
    mitigations: [
      { key: 'redact-secrets', text: 'Redact authentication headers and signed query strings in loggers; test redaction; restrict log access.', controls: [] },
    ],
    references: [cwe(532), cwe(200), doc('owasp-logging-cs'), top10(9)],
  },
  {
    id: 'KEY-09',
    title: "Multi-tenant platform aggregates many users' exchange API keys",
    description:
      "A SaaS (bot platform, tracker, copy-trading) holding thousands of users' keys is a single high-value target; one database or insider leak enables mass unauthorised trading (3Commas, 2022). The aggregation itself is the threat, so no single property closes it; triage it with the controls in place.",
    stride: 'IE',
    severity: 'critical',
    appliesTo: ['store'],
    when: "on(self.multiTenant) and hasAny(self.data, ['apiKey', 'apiSecret'])",
    mitigations: [
      { key: 'avoid-raw-keys', text: 'Prefer OAuth2/broker integrations over raw keys; refuse withdraw-capable keys; require IP-bound keys on published egress IPs.', controls: [] },
      { key: 'per-tenant-encryption', text: 'Envelope-encrypt per tenant with HSM/KMS keys; isolate the decrypting service; monitor and rate-limit key use.', controls: [] },
    ],
    references: [cwe(522), cwe(312), cwe(653), doc('incident-3commas'), doc('coinbase-exchange-auth'), top10(4), top10(2)],
  },
  {
    id: 'KEY-10',
    title: 'No monitoring or revocation path for trade/withdraw key misuse',
    description:
      'Without alerts on unusual key use (new IP, unusual symbols, off-hours, repeated rejects) a stolen key is noticed only after losses; exchanges advise immediate revocation on unusual activity.',
    stride: 'RE',
    severity: 'medium',
    appliesTo: ['process'],
    when: "hasAny(self.keyPermissions, ['trade', 'withdraw', 'transfer']) and off(self.keyUsageMonitoring)",
    mitigations: [
      { key: 'monitor-key-use', text: 'Consume the exchange user-data stream / fills and alert on anomalies; keep a documented one-click revocation runbook.', controls: [{ property: 'keyUsageMonitoring', value: true }] },
    ],
    references: [cwe(778), doc('binance-request-security'), doc('okx-auth'), top10(9)],
  },
  {
    id: 'KEY-11',
    title: 'Trading from the master account instead of an isolated sub-account',
    description:
      "Keys on the master account can reach all balances and settings; a sub-account (Deribit subaccounts, Coinbase portfolio isolation, exchange sub-accounts) caps what a compromised bot can touch. Applies to withdraw and transfer keys too, which reach the master account's balances just the same.",
    stride: 'E',
    severity: 'medium',
    appliesTo: ['process'],
    when: "hasAny(self.keyPermissions, ['trade', 'withdraw', 'transfer']) and self.accountScope == 'master'",
    mitigations: [
      { key: 'sub-account-per-strategy', text: 'Fund a dedicated sub-account/portfolio per strategy with only the capital it needs; enable portfolio isolation.', controls: [{ property: 'accountScope', value: 'subaccount' }] },
    ],
    references: [cwe(653), cwe(1220), doc('coinbase-exchange-auth'), doc('deribit-conn'), top10(1)],
  },
];
