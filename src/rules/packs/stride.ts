/**
 * The STRIDE baseline pack (DESIGN.md §4). Rules are ordered by the element they threaten: external entity
 * (S, R), process (S, T, R, I, D, E), data store (T, R, I, D), data flow (T, I, D). The STR-* ids are ported
 * from the catalog draft; STRIDE-<element>-<letter> rules fill the categories the draft left out. See
 * docs/CATALOG.md for the review log.
 */
import type { RulePack } from '../types';
import { apiTop10, capec, cwe, doc, top10 } from './references';

export const STRIDE_PACK: RulePack = {
  id: 'stride',
  name: 'STRIDE baseline',
  version: '1.0.0',
  description:
    'STRIDE per element and per interaction, the generic baseline: external entities get spoofing and repudiation, processes all six categories, data stores tampering, repudiation (logs), disclosure and denial of service, data flows tampering, disclosure and denial of service. Each rule is driven by a generic control and stops firing when the analyst sets it; unknown controls give unverified findings.',
  rules: [
    {
      id: 'STR-01',
      title: 'External entity can be impersonated (unauthenticated requests)',
      description:
        'An external entity initiates requests to an in-scope process without any authentication, so any party able to reach the endpoint can pose as that entity (STRIDE-per-element: Spoofing applies to external interactors). Checks both directions of initiation: a request the actor sends, and a stream the actor opens to receive data (initiator dst). Closed by setting an authentication method on the flow (it lives on the flow, so this actor-level finding offers no one-click control).',
      stride: 'S',
      severity: 'high',
      appliesTo: ['actor'],
      when: "any(outbound(self), f => initiator(f) == 'src' and is(target(f), 'process') and none(f.authentication) and off(f.publicAccess)) or any(inbound(self), f => initiator(f) == 'dst' and is(source(f), 'process') and none(f.authentication) and off(f.publicAccess))",
      mitigations: [
        { key: 'authenticate-callers', text: 'Authenticate every caller (signed requests, mTLS, OAuth2 client credentials) at the first in-scope process.', controls: [] },
        { key: 'reject-unauthenticated', text: 'Reject unauthenticated requests before business logic; separate public market-data endpoints from private ones.', controls: [] },
      ],
      references: [cwe(306), cwe(287), capec(151), apiTop10(2), doc('ms-stride')],
    },
    {
      id: 'STR-02',
      title: 'Actions of an external entity cannot be attributed (no audit trail)',
      description:
        "Requests from the entity reach processes that keep no (or only local, mutable) logs, so the entity can deny having placed an order, changed a limit or requested a withdrawal. Fires while the receiving process's logging is none, local (mutable by whoever controls the host) or unknown; closed by setting that process's logging to central or onchain.",
      stride: 'R',
      severity: 'medium',
      appliesTo: ['actor'],
      when: "any(outbound(self), f => initiator(f) == 'src' and off(f.publicAccess) and is(target(f), 'process') and not (target(f).logging in ['central', 'onchain'])) or any(inbound(self), f => initiator(f) == 'dst' and off(f.publicAccess) and is(source(f), 'process') and not (source(f).logging in ['central', 'onchain']))",
      mitigations: [
        { key: 'log-state-changes', text: 'Log who/what/when/from-where for every state-changing call (API key id, client order id, source IP, signature timestamp).', controls: [] },
        { key: 'ship-logs-off-host', text: 'Ship logs off-host to an append-only store; keep exchange-side order/ledger records for reconciliation.', controls: [] },
      ],
      references: [cwe(778), cwe(223), doc('owasp-logging-cs'), doc('ms-stride'), top10(9)],
    },
    {
      id: 'STRIDE-P-S',
      title: 'Process accepts unauthenticated calls from another trust zone (spoofing)',
      description:
        'Another component calls this process across a trust boundary and the flow carries no authentication, so anything able to reach it from that zone can pose as the legitimate caller (STRIDE-per-element: spoofing of a process). Calls from external actors are covered by STR-01; flows marked publicAccess are intentionally anonymous. Closed by setting an authentication method (mtls, a signature, a token) on the calling flow.',
      stride: 'S',
      severity: 'high',
      appliesTo: ['process'],
      when: "any(inbound(self), f => initiator(f) == 'src' and crosses(f) and not is(source(f), 'actor') and off(f.publicAccess) and none(f.authentication))",
      mitigations: [
        { key: 'service-authentication', text: 'Authenticate service-to-service calls (mTLS with pinned identities, signed requests or short-lived tokens) and authorise per caller.', controls: [] },
      ],
      references: [cwe(306), cwe(287), capec(151), apiTop10(2), doc('ms-stride')],
    },
    {
      id: 'STRIDE-P-T',
      title: 'Process input from another trust zone is not validated (tampering)',
      description:
        'Data reaches the process across a trust boundary and the process does not assert schema, type and range validation, so crafted input can alter its state or behaviour (injection, parameter tampering; STRIDE-per-element: tampering with a process).',
      stride: 'T',
      severity: 'medium',
      appliesTo: ['process'],
      when: 'any(inbound(self), f => crosses(f)) and off(self.inputValidation)',
      mitigations: [
        { key: 'validate-input', text: 'Validate every input against a schema (types, ranges, sizes, allowed values) at the boundary before it reaches business logic.', controls: [{ property: 'inputValidation', value: true }] },
      ],
      references: [cwe(20), cwe(1287), capec(153), top10(3), doc('ms-stride')],
    },
    {
      id: 'STRIDE-P-R',
      title: 'Process does not keep a tamper-resistant record of the requests it serves (repudiation)',
      description:
        'The process serves non-anonymous requests but its logging is none, local (alterable by whoever controls the host) or unknown, so who did what cannot be established afterwards (STRIDE-per-element: repudiation for a process).',
      stride: 'R',
      severity: 'medium',
      appliesTo: ['process'],
      when: "any(inbound(self), f => initiator(f) == 'src' and off(f.publicAccess)) and not (self.logging in ['central', 'onchain'])",
      mitigations: [
        { key: 'central-logging', text: 'Log caller identity, action, parameters and outcome of every state-changing request to a central store its operators cannot rewrite.', controls: [{ property: 'logging', value: 'central' }] },
      ],
      references: [cwe(778), cwe(223), top10(9), doc('owasp-logging-cs'), doc('ms-stride')],
    },
    {
      id: 'STRIDE-P-I',
      title: 'Process exchanging sensitive data across a boundary may leak it through errors or debug interfaces',
      description:
        'The process sends or receives sensitive data (orders, balances, keys, personal data) across a trust boundary and does not assert that error responses are generic and debug endpoints are off, so stack traces, internal identifiers or memory contents can leak to the other zone (STRIDE-per-element: information disclosure by a process). Confirmed when verboseErrors or debugEndpoints is true, unverified while they are unknown.',
      stride: 'I',
      severity: 'medium',
      appliesTo: ['process'],
      when: '(any(inbound(self), f => crosses(f) and sensitiveData(f.data)) or any(outbound(self), f => crosses(f) and sensitiveData(f.data))) and (not (self.verboseErrors == false) or not (self.debugEndpoints == false))',
      mitigations: [
        { key: 'generic-errors-no-debug', text: 'Return generic error bodies with error codes and disable debug, trace and actuator endpoints in production.', controls: [{ property: 'verboseErrors', value: false }, { property: 'debugEndpoints', value: false }] },
      ],
      references: [cwe(209), cwe(215), cwe(200), top10(5), doc('ms-stride')],
    },
    {
      id: 'STRIDE-P-D',
      title: 'Process reachable from another trust zone without rate limiting (denial of service)',
      description:
        'Callers in another trust zone can send the process as many requests as they like: one noisy or hostile client exhausts its threads, connections or downstream capacity (STRIDE-per-element: denial of service against a process).',
      stride: 'D',
      severity: 'medium',
      appliesTo: ['process'],
      when: "any(inbound(self), f => crosses(f) and initiator(f) == 'src') and off(self.rateLimiting)",
      mitigations: [
        { key: 'rate-limit', text: 'Enforce per-caller and per-IP rate limits with request size caps and timeouts; shed load before expensive work.', controls: [{ property: 'rateLimiting', value: true }] },
        { key: 'connection-caps', text: 'Cap concurrent connections and subscriptions per caller.', controls: [] },
      ],
      references: [cwe(770), cwe(400), capec(125), apiTop10(4), doc('ms-stride')],
    },
    {
      id: 'STR-06',
      title: 'Privileged process directly reachable from a lower-trust zone',
      description:
        'A process that runs with elevated privileges (root, cluster-admin, signing rights) accepts input across a trust boundary; any input-handling bug becomes full compromise. Baseline elevation-of-privilege check for processes: confirmed when runsPrivileged is true, unverified while it is unknown; closed by asserting runsPrivileged false.',
      stride: 'E',
      severity: 'high',
      appliesTo: ['process'],
      when: 'not (self.runsPrivileged == false) and any(inbound(self), f => crosses(f))',
      mitigations: [
        { key: 'drop-privileges', text: 'Drop privileges; split the boundary-facing parser from the privileged component.', controls: [{ property: 'runsPrivileged', value: false }] },
        { key: 'validating-proxy', text: 'Place a validating proxy/gateway in front and restrict the privileged component to internal callers.', controls: [] },
      ],
      references: [cwe(250), cwe(269), capec(233), doc('ms-stride'), top10(4)],
    },
    {
      id: 'STR-04',
      title: 'Sensitive data store readable or writable without protection',
      description:
        'A store holding secrets, orders, balances or personal data lacks access control or encryption at rest, so a host compromise, backup leak or mis-scoped credential exposes or alters it. Severity: Raise to high/critical when the store holds exchange API secrets or private keys (see KEY-02, KEY-09, CUST-10).',
      stride: 'TI',
      severity: 'medium',
      appliesTo: ['store'],
      when: '(on(self.storesSecrets) or sensitiveData(self.data)) and (off(self.accessControl) or off(self.encryptedAtRest))',
      mitigations: [
        { key: 'restrict-and-encrypt', text: 'Restrict store access to the owning service identity; encrypt at rest with keys held in a KMS/HSM.', controls: [{ property: 'accessControl', value: true }, { property: 'encryptedAtRest', value: true }] },
        { key: 'separate-secrets', text: 'Separate secrets from business data; rotate credentials that could read the store.', controls: [] },
      ],
      references: [cwe(311), cwe(312), cwe(284), doc('ms-stride'), top10(2)],
    },
    {
      id: 'STRIDE-S-T',
      title: 'Data store writable without access control (tampering)',
      description:
        'The store does not restrict access per principal, so any component or person that reaches it can alter what it holds: configuration, reference prices, queued messages (STRIDE-per-element: tampering with a data store). Stores holding secrets or sensitive data are covered by STR-04 instead, so each store gets one tampering finding.',
      stride: 'T',
      severity: 'medium',
      appliesTo: ['store'],
      when: 'off(self.accessControl) and not on(self.storesSecrets) and not sensitiveData(self.data)',
      mitigations: [
        { key: 'restrict-access', text: 'Grant write access only to the owning service identity; make everything else read-only or nothing.', controls: [{ property: 'accessControl', value: true }] },
      ],
      references: [cwe(284), cwe(732), top10(1), doc('ms-stride')],
    },
    {
      id: 'STR-05',
      title: 'Audit log can be altered or deleted (repudiation)',
      description:
        'The log store is writable by the same identities it records (admins, services), so evidence of trades, limit changes or withdrawals can be removed (STRIDE: Repudiation applies to data stores that are logs).',
      stride: 'RT',
      severity: 'medium',
      appliesTo: ['store'],
      when: "(on(self.isLog) or is(self, 'logStore')) and off(self.tamperEvident)",
      mitigations: [
        { key: 'append-only-logs', text: 'Write logs to an append-only/WORM or off-host SIEM the administrators of the logged system cannot modify.', controls: [{ property: 'tamperEvident', value: true }] },
        { key: 'hash-chain-logs', text: 'Hash-chain or sign log batches; alert on gaps.', controls: [{ property: 'tamperEvident', value: true }] },
      ],
      references: [cwe(117), capec(268), capec(93), doc('owasp-logging-cs'), doc('ms-stride'), top10(9)],
    },
    {
      id: 'STRIDE-S-D',
      title: 'Data store has no restorable backup (denial of service)',
      description:
        'If the store is deleted, encrypted by ransomware, corrupted or filled up, nothing brings its contents back, so its loss stops every process that depends on it (STRIDE-per-element: denial of service against a data store).',
      stride: 'D',
      severity: 'medium',
      appliesTo: ['store'],
      when: 'off(self.backedUp)',
      mitigations: [
        { key: 'restorable-backups', text: 'Keep versioned or immutable backups apart from the store, test restores, and set capacity alerts and quotas.', controls: [{ property: 'backedUp', value: true }] },
      ],
      references: [doc('ms-stride')],
    },
    {
      id: 'STR-03',
      title: 'Data flow crosses a trust boundary unencrypted',
      description:
        'The flow crosses a trust boundary over a cleartext protocol, so an on-path attacker can read or modify it (orders, balances, API keys, session tokens). Fires confirmed on an explicit cleartext protocol or encryptedInTransit false, and unverified while neither protocol nor encryptedInTransit says (STRIDE baseline for data flows: tampering and disclosure in transit). On-chain flows are public by design and are left to the DeFi pack; a flow authenticated with mtls runs over TLS, so an unstated protocol there is not reported.',
      stride: 'TI',
      severity: 'high',
      appliesTo: ['flow'],
      when: "crosses(self) and not (self.protocol == 'onchain') and (enc(self) == false or (not (enc(self) == true) and not (self.authentication == 'mtls')))",
      mitigations: [
        { key: 'tls-everywhere', text: 'Use TLS 1.2+ (HTTPS, WSS, FIX over TLS) with certificate validation on every boundary-crossing flow.', controls: [{ property: 'encryptedInTransit', value: true }] },
        { key: 'encrypt-private-circuits', text: 'Treat private circuits/cross-connects as untrusted unless encrypted (defence in depth).', controls: [] },
      ],
      references: [cwe(319), capec(157), capec(94), apiTop10(8), apiTop10(10), doc('owasp-tls-cs'), doc('ms-stride')],
    },
    {
      id: 'STRIDE-F-D',
      title: 'Request across a trust boundary without a timeout (flow interruption)',
      description:
        "A process waits on a peer in another trust zone with no timeout: a slow or stalled peer, a dropped network path or an attacker holding connections open blocks the caller's threads and stops its work (STRIDE-per-element: denial of service against a data flow). On-chain calls are left out: their analogue is a transaction deadline (DEFI-01).",
      stride: 'D',
      severity: 'low',
      appliesTo: ['flow'],
      when: "crosses(self) and ((initiator(self) == 'src' and is(source, 'process')) or (initiator(self) == 'dst' and is(target, 'process'))) and not (self.protocol == 'onchain') and not (self.timeoutMs > 0)",
      mitigations: [
        { key: 'set-timeouts', text: 'Set connect and read timeouts on every cross-boundary call, with circuit breakers per dependency.', controls: [{ property: 'timeoutMs', value: 5000 }] },
      ],
      references: [cwe(400), cwe(1088), top10(4), doc('ms-stride')],
    },
  ],
};
