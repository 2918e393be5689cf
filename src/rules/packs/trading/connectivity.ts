/**
 * Trading pack: connectivity, TLS and failover (NET).
 * Assembled into the pack by ../trading.ts; docs/CATALOG.md has the table and the review log.
 */
import type { Rule } from '../../types';
import { capec, cwe, doc, top10 } from '../references';

export const CONNECTIVITY_RULES: Rule[] = [
  {
    id: 'NET-01',
    title: 'TLS certificate validation disabled on an exchange/API connection',
    description:
      'With verification off (often to get past a proxy or a failing backup endpoint) any on-path party can impersonate the exchange, feed fake fills/balances and capture bearer keys or passphrases.',
    stride: 'STI',
    severity: 'high',
    appliesTo: ['flow'],
    when: 'crosses(self) and self.tlsVerify == false',
    mitigations: [
      { key: 'verify-certificates', text: 'Always verify certificates and hostnames; pin the venue CA/keys where practical; fail closed.', controls: [{ property: 'tlsVerify', value: true }] },
    ],
    references: [cwe(295), capec(94), doc('owasp-tls-cs'), top10(7), top10(2)],
  },
  {
    id: 'NET-02',
    title: 'Failover path has weaker security than the primary path',
    description:
      "The secondary endpoint/route (backup cluster, relay, alternative protocol) lacks TLS, authentication or the controls of the primary path, so failing over silently downgrades security. Fires until the failover path is asserted to have the primary's controls (sameControlsAsPrimary); a cleartext or unauthenticated failover path is also reported on the flow itself by STR-03, WS-01, FIX-01 and the authentication rules.",
    stride: 'STI',
    severity: 'high',
    appliesTo: ['flow'],
    when: 'on(self.isFailoverPath) and off(self.sameControlsAsPrimary)',
    mitigations: [
      { key: 'equivalent-failover', text: 'Give failover paths the same TLS, authentication, IP allow-listing, logging and rate-limit handling; test failover regularly.', controls: [{ property: 'sameControlsAsPrimary', value: true }] },
    ],
    references: [cwe(420), cwe(288), cwe(757), top10(4), top10(5)],
  },
  {
    id: 'NET-03',
    title: 'Endpoints discovered dynamically without an allow-list',
    description:
      'Endpoint lists fetched at runtime (DNS SRV, remote config, user input) can be redirected to look-alike domains that harvest keys or return fake data.',
    stride: 'S',
    severity: 'medium',
    appliesTo: ['process'],
    when: 'on(self.dynamicEndpointDiscovery) and off(self.endpointAllowlist)',
    mitigations: [
      { key: 'pin-endpoints', text: 'Pin allowed hostnames/certificates in code or signed config; alert on endpoint changes.', controls: [{ property: 'endpointAllowlist', value: true }] },
    ],
    references: [cwe(350), capec(154), capec(89), capec(630), top10(5)],
  },
  {
    id: 'NET-04',
    title: 'Control fails open when a dependency is unavailable',
    description:
      'If the risk engine, policy service or signer check times out and the caller proceeds (auto-approve, skip limits), an attacker who can slow that dependency bypasses the control.',
    stride: 'ET',
    severity: 'high',
    appliesTo: ['process'],
    when: 'on(self.failOpen)',
    mitigations: [
      { key: 'fail-closed', text: 'Fail closed for security decisions (queue or reject); alert on degraded mode; cap exposure in degraded mode.', controls: [{ property: 'failOpen', value: false }] },
    ],
    references: [cwe(636), cwe(703), top10(4)],
  },
  {
    id: 'NET-05',
    title: 'State not reconciled across failover (orders on primary unknown to secondary)',
    description:
      'After switching endpoints the engine loses track of orders placed on the primary; it re-submits or misjudges exposure.',
    stride: 'TR',
    severity: 'medium',
    appliesTo: ['process'],
    when: "(self.failover in ['manual', 'automatic'] or on(self.autoFailover)) and off(self.stateReconciliation)",
    mitigations: [
      { key: 'reconcile-after-failover', text: 'Treat failover as an unknown-state event: reconcile open orders/positions by client order id before resuming.', controls: [{ property: 'stateReconciliation', value: true }] },
    ],
    references: [cwe(362), cwe(703), top10(4)],
  },
  {
    id: 'NET-06',
    title: 'Attacker-induced failover downgrade',
    description:
      'Automatic failover driven by health checks lets an attacker who can degrade the primary (DoS, rate-limit exhaustion, BGP/DNS games) force traffic onto a weaker secondary path. Review decision (uncertain in the draft): kept. Attacker-induced downgrade is an adversarial composite (CWE-757 by analogy), but the ingredients are each recorded in the model: automatic failover (autoFailover or failover automatic) onto a path that is cleartext or not asserted equivalent. Making failover manual closes it here; making the path equivalent closes it on the flow (NET-02).',
    stride: 'DE',
    severity: 'high',
    appliesTo: ['process'],
    when: "(on(self.autoFailover) or self.failover == 'automatic') and any(outbound(self), f => on(f.isFailoverPath) and (enc(f) == false or off(f.sameControlsAsPrimary)))",
    mitigations: [
      { key: 'equivalent-paths', text: 'Make the failover paths equivalent to the primary (see NET-02): same TLS, authentication, IP allow-listing, logging and rate-limit handling.', controls: [] },
      { key: 'human-approved-failover', text: 'Require human approval, or hysteresis, before failing over to a degraded path, and alert on every failover.', controls: [{ property: 'autoFailover', value: false }, { property: 'failover', value: 'manual' }] },
    ],
    references: [cwe(757), cwe(420), capec(220), top10(4)],
  },
];
