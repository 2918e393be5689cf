/**
 * Trading pack: long-lived sessions: WebSocket (WS) and FIX.
 * Assembled into the pack by ../trading.ts; docs/CATALOG.md has the table and the review log.
 */
import type { Rule } from '../../types';
import { apiTop10, capec, cwe, doc, top10 } from '../references';

export const SESSION_RULES: Rule[] = [
  {
    id: 'WS-01',
    title: 'Unencrypted WebSocket (ws://) across a trust boundary',
    description:
      'Cleartext WebSocket frames can be read and altered: fake order-book updates, stolen session tokens.',
    stride: 'TI',
    severity: 'high',
    appliesTo: ['flow'],
    when: 'isWs(self) and crosses(self) and enc(self) == false',
    mitigations: [
      { key: 'wss-only', text: 'Use wss:// only, validate certificates.', controls: [{ property: 'protocol', value: 'wss' }, { property: 'encryptedInTransit', value: true }] },
    ],
    references: [cwe(319), capec(157), doc('owasp-ws-cs'), doc('rfc6455'), top10(2)],
  },
  {
    id: 'WS-02',
    title: 'Cross-site WebSocket hijacking (no Origin validation) on browser-facing socket',
    description:
      "A browser-facing WebSocket that authenticates with cookies and does not check Origin lets any website open a socket with the victim's session and read balances or place orders. Checked on the WebSocket server, where originValidation lives, for sockets a browser opens in either direction (including streams with initiator dst), and only with ambient credentials (session or SSO cookies, or unknown): a socket authenticated by a token in its first message cannot be hijacked this way.",
    stride: 'SE',
    severity: 'high',
    appliesTo: ['process'],
    when: "off(self.originValidation) and (any(inbound(self), f => isWs(f) and is(source(f), 'browser', 'webClient') and (f.authentication in ['session', 'sso'] or not isSet(f.authentication))) or any(outbound(self), f => isWs(f) and initiator(f) == 'dst' and is(target(f), 'browser', 'webClient') and (f.authentication in ['session', 'sso'] or not isSet(f.authentication))))",
    mitigations: [
      { key: 'validate-origin', text: 'Validate Origin against an allow-list on the handshake; use per-connection tokens rather than ambient cookies.', controls: [{ property: 'originValidation', value: true }] },
    ],
    references: [cwe(1385), cwe(346), capec(62), doc('owasp-ws-cs'), top10(1)],
  },
  {
    id: 'WS-03',
    title: 'Private WebSocket channel without authentication',
    description:
      'Order, fill, balance or position channels opened without authentication (or only with a guessable id) leak trading activity and may accept unauthenticated commands.',
    stride: 'SI',
    severity: 'high',
    appliesTo: ['flow'],
    when: "isWs(self) and hasAny(self.data, ['orders', 'orderAck', 'fills', 'balances', 'positions']) and none(self.authentication)",
    mitigations: [
      { key: 'authenticate-session', text: 'Authenticate at handshake or with a signed login/session.logon message before subscribing (Binance session.logon, OKX login, Bybit auth op, Kraken token, Deribit public/auth).', controls: [{ property: 'authentication', value: 'wsToken' }] },
    ],
    references: [cwe(306), apiTop10(2), doc('owasp-ws-cs'), doc('binance-wsapi'), doc('kraken-ws-auth'), doc('deribit-auth')],
  },
  {
    id: 'WS-04',
    title: 'Long-lived WebSocket session not re-validated after key revocation or expiry',
    description:
      'Authentication happens once per connection; if permissions are later revoked, the IP allow-list changes or the token expires, the socket keeps working (e.g. Kraken tokens stay valid while the subscription is active).',
    stride: 'SE',
    severity: 'medium',
    appliesTo: ['flow'],
    when: 'isWs(self) and not none(self.authentication) and off(self.sessionRevocationCheck) and none(self.reauth)',
    mitigations: [
      { key: 'server-revalidation', text: 'Server: re-check key validity/permissions per request or on revocation events (Binance revokes the session on the next request).', controls: [{ property: 'sessionRevocationCheck', value: true }] },
      { key: 'client-refresh', text: 'Client: refresh tokens before expiry (Deribit refresh_token) and reconnect at least every 24 h (Binance connection limit).', controls: [{ property: 'reauth', value: 'periodic' }] },
    ],
    references: [cwe(613), doc('binance-wsapi'), doc('kraken-ws-auth'), doc('deribit-auth'), apiTop10(2)],
  },
  {
    id: 'WS-05',
    title: 'WebSocket server lacks per-message validation or message rate limits',
    description:
      'After the handshake, every frame is a request; without schema validation and per-connection message limits attackers inject payloads or flood subscriptions.',
    stride: 'TD',
    severity: 'medium',
    appliesTo: ['flow'],
    when: "isWs(self) and initiator(self) == 'src' and is(target, 'process') and crosses(self) and (off(self.inputValidation) or off(self.rateLimiting))",
    mitigations: [
      { key: 'validate-and-limit-messages', text: 'Validate every message against a schema; cap message size and rate per connection; log message-level security events.', controls: [{ property: 'inputValidation', value: true }, { property: 'rateLimiting', value: true }] },
    ],
    references: [cwe(20), cwe(770), apiTop10(4), doc('owasp-ws-cs')],
  },
  {
    id: 'WS-06',
    title: 'Order-book diff stream used without sequence/gap checks',
    description:
      'Incremental depth updates applied without checking update ids (Binance U/u + snapshot lastUpdateId) silently corrupt the local book after a dropped message; the strategy quotes on a wrong book. Applies to diff feeds over any protocol: WebSocket, FIX, multicast or gRPC feeds break the same way.',
    stride: 'T',
    severity: 'high',
    appliesTo: ['flow'],
    when: "has(self.data, 'orderBookDiff') and off(self.sequenceCheck)",
    mitigations: [
      { key: 'local-book-procedure', text: "Follow the venue's local-book procedure (buffer, snapshot, discard stale, detect gaps, resync); checksum where offered.", controls: [{ property: 'sequenceCheck', value: true }] },
    ],
    references: [cwe(345), cwe(354), doc('binance-streams'), top10(8)],
  },
  {
    id: 'WS-07',
    title: 'Order-entry connection without cancel-on-disconnect / heartbeat',
    description:
      'If the quoting process or its connection dies, resting orders stay live and get picked off. Deribit offers cancel-on-disconnect, FIX venues offer COD flags and heartbeats. Review decision (uncertain in the draft): kept unchanged. The uncertainty was the CWE: CWE-754 (improper check for unusual or exceptional conditions) is approximate, as the weakness is the missing reaction to a lost session.',
    stride: 'DT',
    severity: 'high',
    appliesTo: ['flow'],
    when: "(isWs(self) or isFix(self)) and (has(self.operation, 'quote') or on(self.restingOrders)) and off(self.cancelOnDisconnect)",
    mitigations: [
      { key: 'cancel-on-disconnect', text: 'Enable cancel-on-disconnect and short heartbeats; add a dead-man switch that cancels all on missed heartbeats.', controls: [{ property: 'cancelOnDisconnect', value: true }] },
    ],
    references: [cwe(754), doc('deribit-cod'), top10(4)],
  },
  {
    id: 'FIX-01',
    title: 'FIX session without TLS across a trust boundary',
    description:
      'Plain FIX exposes logon credentials, orders and executions; several crypto venues only accept FIX over TLS (Binance, Bybit, Coinbase).',
    stride: 'TI',
    severity: 'high',
    appliesTo: ['flow'],
    when: 'isFix(self) and crosses(self) and enc(self) == false',
    mitigations: [
      { key: 'fix-over-tls', text: 'Run FIX over TLS (native or stunnel); if on a private circuit, still encrypt.', controls: [{ property: 'protocol', value: 'fix+tls' }, { property: 'encryptedInTransit', value: true }] },
    ],
    references: [cwe(319), doc('binance-fix'), doc('bybit-fix'), doc('coinbase-fix'), top10(2)],
  },
  {
    id: 'FIX-02',
    title: 'FIX logon with static password instead of signed logon',
    description:
      'Username/Password (553/554) logons are replayable if captured and are usually stored in plaintext engine configs; venues now sign the logon (HMAC over SendingTime, MsgSeqNum, SenderCompID, TargetCompID; Ed25519 at Binance).',
    stride: 'S',
    severity: 'medium',
    appliesTo: ['flow'],
    when: "isFix(self) and self.authentication == 'password'",
    mitigations: [
      { key: 'signed-logon', text: 'Use signed logons with timestamps; store session secrets in a vault; restrict source IPs.', controls: [{ property: 'authentication', value: 'ed25519' }] },
    ],
    references: [cwe(294), cwe(522), capec(60), doc('kraken-fix-logon'), doc('binance-fix'), doc('coinbase-fix'), apiTop10(2)],
  },
  {
    id: 'FIX-03',
    title: 'FIX sequence numbers / PossDup resends not validated',
    description:
      'Accepting resent or reset-sequence messages without PossDupFlag/OrigSendingTime checks can double-process orders or hide gaps.',
    stride: 'T',
    severity: 'medium',
    appliesTo: ['flow'],
    when: 'isFix(self) and off(self.sequenceCheck)',
    mitigations: [
      { key: 'strict-sequencing', text: 'Use a mature FIX engine with strict sequence validation; handle PossDup idempotently by ClOrdID; alert on resets.', controls: [{ property: 'sequenceCheck', value: true }] },
    ],
    references: [cwe(837), doc('bybit-fix'), top10(4)],
  },
];
