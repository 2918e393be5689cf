/**
 * Trading pack: monitoring, audit and administration (MON).
 * Assembled into the pack by ../trading.ts; docs/CATALOG.md has the table and the review log.
 */
import type { Rule } from '../../types';
import { apiTop10, capec, cwe, doc, top10 } from '../references';

export const MONITORING_RULES: Rule[] = [
  {
    id: 'MON-01',
    title: 'No anomaly detection on API traffic and key usage',
    description:
      'Stolen-key trading, credential stuffing or scraping is not detected in real time (OKX reported stopping abnormal usage of leaked 3Commas keys via monitoring).',
    stride: 'RS',
    severity: 'medium',
    appliesTo: ['process'],
    when: "exposedApi(self) and is(self, 'apiGateway', 'exchange') and off(self.anomalyDetection)",
    mitigations: [
      { key: 'baseline-and-alert', text: 'Baseline per key/account (IPs, symbols, sizes, hours); alert and auto-restrict on deviations; integrate threat intelligence.', controls: [{ property: 'anomalyDetection', value: true }] },
    ],
    references: [cwe(778), apiTop10(6), apiTop10(2), doc('incident-3commas')],
  },
  {
    id: 'MON-02',
    title: 'Security-relevant admin and money-moving actions not centrally logged',
    description:
      'Key creation, permission changes, withdrawals and risk-limit edits without central audit logs cannot be investigated or attributed.',
    stride: 'R',
    severity: 'medium',
    appliesTo: ['process'],
    when: "hasAny(self.handles, ['keyManagement', 'withdrawal', 'riskLimits', 'admin']) and not (self.logging in ['central', 'onchain'])",
    mitigations: [
      { key: 'central-audit-log', text: 'Log actor, action, before/after values and approvals to a central append-only store; alert on sensitive actions.', controls: [{ property: 'logging', value: 'central' }] },
    ],
    references: [cwe(778), cwe(223), doc('owasp-logging-cs'), top10(9)],
  },
  {
    id: 'MON-03',
    title: 'Admin console reachable from the internet or without MFA',
    description:
      'Internal tools for limits, fees or withdrawals exposed publicly or protected by a single factor are prime account-takeover targets. Setting mfa closes the single-factor case; an admin console with an inbound flow from an internet zone keeps firing until the diagram puts it behind VPN or zero-trust access.',
    stride: 'SE',
    severity: 'critical',
    appliesTo: ['process'],
    when: "is(self, 'adminConsole') and (any(inbound(self), f => crosses(f, 'internet')) or off(self.mfa))",
    mitigations: [
      { key: 'zero-trust-access', text: 'Put admin tools behind VPN/zero-trust access with phishing-resistant MFA; restrict by device and role.', controls: [{ property: 'mfa', value: true }] },
    ],
    references: [cwe(308), cwe(306), apiTop10(5), capec(560)],
  },
  {
    id: 'MON-04',
    title: 'Critical configuration changes without dual control (four-eyes)',
    description:
      'A single insider can raise limits, disable checks or change withdrawal thresholds and then trade or withdraw against them. Applies to any process that handles these settings (a withdrawal service that edits its own limits, say).',
    stride: 'ERT',
    severity: 'high',
    appliesTo: ['process'],
    when: "hasAny(self.handles, ['riskLimits', 'withdrawalLimits', 'keyPolicy']) and off(self.dualControl)",
    mitigations: [
      { key: 'four-eyes', text: 'Require a second approver for sensitive changes; time-box elevated access; alert the risk function on each change.', controls: [{ property: 'dualControl', value: true }] },
    ],
    references: [cwe(654), capec(122), top10(4)],
  },
  {
    id: 'MON-06',
    title: 'No threat-intelligence screening on withdrawals or API ingress',
    description:
      'Known malicious IPs, leaked-credential lists, sanctioned or flagged destination addresses are not screened. Review decision (uncertain in the draft): kept at low severity as a detective control. For withdrawals, screening destination addresses against sanctions and theft lists is often a regulatory duty; raise it when it applies to you.',
    stride: 'S',
    severity: 'low',
    appliesTo: ['process'],
    when: "(any(inbound(self), f => has(f.data, 'withdrawalRequest')) or (exposedApi(self) and is(self, 'apiGateway'))) and off(self.threatIntel)",
    mitigations: [
      { key: 'screen-with-intel', text: 'Integrate IP reputation, leaked-credential and address-risk feeds; hold flagged withdrawals for review.', controls: [{ property: 'threatIntel', value: true }] },
    ],
    references: [cwe(778), top10(9)],
  },
  {
    id: 'MON-07',
    title: 'Trading or signing software with unpinned/unverified dependencies',
    description:
      'Malicious or hijacked packages (exchange SDK look-alikes, typosquats) in bots or signers can exfiltrate keys.',
    stride: 'TI',
    severity: 'high',
    appliesTo: ['process'],
    when: "is(self, 'tradingBot', 'signingService', 'fixGateway') and off(self.dependencyPinning)",
    mitigations: [
      { key: 'pin-dependencies', text: 'Pin versions with hashes (lock files), use an internal mirror, review new dependencies, generate an SBOM.', controls: [{ property: 'dependencyPinning', value: true }] },
    ],
    references: [cwe(1357), cwe(829), cwe(494), capec(538), capec(630), top10(6), top10(8)],
  },
];
