/**
 * Trading pack: request authentication and signing (AUTH).
 * Assembled into the pack by ../trading.ts; docs/CATALOG.md has the table and the review log.
 */
import type { Rule } from '../../types';
import { apiTop10, capec, cwe, doc, top10 } from '../references';

export const AUTH_RULES: Rule[] = [
  {
    id: 'AUTH-01',
    title: 'Signed or keyed requests have no replay protection',
    description:
      'Requests authenticated with an HMAC/Ed25519 signature or API key carry no timestamp window, nonce or sequence; a captured request (proxy log, compromised TLS terminator, debug dump) can be re-sent to duplicate an order or withdrawal.',
    stride: 'ST',
    severity: 'high',
    appliesTo: ['flow'],
    when: "initiator(self) == 'src' and self.authentication in ['hmac', 'ed25519', 'rsa', 'ecdsa', 'apiKey'] and (hasAny(self.operation, ['trade', 'withdraw', 'transfer', 'admin']) or sensitiveData(self.data)) and none(self.replayProtection)",
    mitigations: [
      { key: 'timestamp-and-nonce', text: 'Sign a timestamp (and ideally a nonce) and reject outside a short window (Binance recvWindow default 5000 ms, Bybit recv_window, Coinbase 30 s, OKX 30 s) or enforce a strictly increasing nonce (Kraken).', controls: [{ property: 'replayProtection', value: 'timestamp+nonce' }] },
      { key: 'idempotent-state-changes', text: 'Make state-changing calls idempotent with client-supplied order ids so a replay cannot create a second order.', controls: [] },
    ],
    references: [cwe(294), capec(60), apiTop10(2), doc('binance-rest'), doc('bybit-auth'), doc('kraken-rest-auth'), doc('coinbase-exchange-auth'), doc('okx-auth')],
  },
  {
    id: 'AUTH-02',
    title: 'Replay/validity window too wide (large recvWindow / timestamp tolerance)',
    description:
      'Widening the timestamp tolerance (often to hide clock-skew errors) lets a captured signed request be replayed or a delayed order execute long after the market moved. Binance recommends recvWindow of 5000 ms or less (max 60000).',
    stride: 'ST',
    severity: 'medium',
    appliesTo: ['flow'],
    when: 'self.timestampToleranceMs > 5000',
    mitigations: [
      { key: 'narrow-window', text: 'Keep the window at or below 5 s; fix clock skew with NTP or the exchange server-time endpoint instead of widening.', controls: [{ property: 'timestampToleranceMs', value: 5000 }] },
      { key: 'nonce-in-window', text: 'Add a nonce/idempotency key so replays inside the window are rejected.', controls: [] },
    ],
    references: [cwe(294), capec(60), doc('binance-rest'), doc('bybit-auth'), apiTop10(2)],
  },
  {
    id: 'AUTH-03',
    title: 'Static bearer API key without per-request signature crosses a boundary',
    description:
      'The API key alone authenticates the request (no HMAC/asymmetric signature); anyone who sees one request (logs, proxy, browser extension) can reuse the key indefinitely. Severity: critical when the key carries withdraw permission.',
    stride: 'S',
    severity: 'high',
    appliesTo: ['flow'],
    when: "crosses(self) and self.authentication == 'apiKey' and (hasAny(self.operation, ['trade', 'withdraw', 'transfer', 'admin']) or sensitiveData(self.data))",
    mitigations: [
      { key: 'sign-requests', text: 'Use signed requests (HMAC over timestamp+method+path+body, or Ed25519/RSA) or short-lived OAuth2/JWT tokens.', controls: [{ property: 'authentication', value: 'ed25519' }] },
      { key: 'scope-bearer-keys', text: 'If bearer keys are unavoidable, scope them read-only, bind to IPs and rotate often.', controls: [] },
    ],
    references: [cwe(294), cwe(522), apiTop10(2), doc('coinbase-exchange-auth'), doc('okx-auth')],
  },
  {
    id: 'AUTH-04',
    title: 'Signature does not cover the whole request',
    description:
      'The signed payload omits parts of the request (query string, body, method or path), so an intermediary can alter unsigned parts (e.g. quantity or symbol in the query) without invalidating the signature. Review decision (uncertain in the draft): kept as a design-review rule and extended. What venues sign differs, so it fires only when signatureCovers is recorded; it then asks for method, path, query, body and timestamp, and also the nonce when the flow uses nonce-based replay protection (an unsigned nonce can be swapped, defeating it). Method and path stay required: where a read endpoint and a state-changing one (e.g. cancel-all) take the same parameters, a captured signed read can be replayed against the other inside the replay window.',
    stride: 'T',
    severity: 'medium',
    appliesTo: ['flow'],
    when: "signed(self) and isSet(self.signatureCovers) and (not has(self.signatureCovers, 'method') or not has(self.signatureCovers, 'path') or not has(self.signatureCovers, 'query') or not has(self.signatureCovers, 'body') or not has(self.signatureCovers, 'timestamp') or (self.replayProtection in ['nonce', 'timestamp+nonce'] and not has(self.signatureCovers, 'nonce')))",
    mitigations: [
      { key: 'sign-canonical-request', text: 'Canonicalise and sign timestamp + method + path + query + body (Coinbase/OKX prehash pattern), including nonce.', controls: [{ property: 'signatureCovers', value: ['method', 'path', 'query', 'body', 'timestamp', 'nonce'] }] },
      { key: 'reject-unsigned-parts', text: 'Reject requests whose unsigned parts carry parameters.', controls: [] },
    ],
    references: [cwe(347), capec(477), doc('coinbase-exchange-auth'), doc('okx-auth'), doc('coinbase-cde-auth'), apiTop10(2)],
  },
  {
    id: 'AUTH-05',
    title: 'Long-term secret is transmitted on the wire instead of being used only to sign',
    description:
      'The client sends its API secret/passphrase/client_secret in the request (e.g. OAuth client_credentials grant), so TLS interception, proxy logs or server-side logging expose the secret itself.',
    stride: 'IS',
    severity: 'medium',
    appliesTo: ['flow'],
    when: 'on(self.secretInRequest)',
    mitigations: [
      { key: 'signature-based-grants', text: 'Prefer signature-based grants (Deribit client_signature, HMAC/Ed25519 signing) so the secret never leaves the client.', controls: [{ property: 'secretInRequest', value: false }] },
      { key: 'asymmetric-keys', text: 'Prefer asymmetric keys where the exchange never holds the private key.', controls: [] },
    ],
    references: [cwe(522), cwe(319), doc('deribit-auth'), doc('binance-keytypes'), apiTop10(2)],
  },
  {
    id: 'AUTH-06',
    title: 'Credentials, tokens or listen keys in URLs',
    description:
      'API keys, session tokens, WebSocket tokens or listen keys placed in the URL are recorded by proxies, load balancers, browser history and analytics, and can be reused by whoever reads those logs.',
    stride: 'I',
    severity: 'medium',
    appliesTo: ['flow'],
    when: 'on(self.credentialsInUrl)',
    mitigations: [
      { key: 'credentials-in-headers', text: 'Send credentials in headers or in the first authenticated message; keep URL tokens short-lived and single-use.', controls: [{ property: 'credentialsInUrl', value: false }] },
      { key: 'scrub-query-strings', text: 'Scrub query strings from access logs.', controls: [] },
    ],
    references: [cwe(598), cwe(532), apiTop10(2)],
  },
  {
    id: 'AUTH-07',
    title: 'No reliable clock synchronisation for timestamp-signed requests',
    description:
      'Signing hosts without NTP (or server-time offset) drift outside the exchange window; orders are rejected during volatility, and operators tend to "fix" it by widening the window (see AUTH-02). Review decision (uncertain in the draft): kept at low severity. It is an availability rule without a precise CWE, but a drifting clock is what pushes operators to widen the replay window (AUTH-02), so it protects a security control; clockSync ntp, ptp or serverTime closes it.',
    stride: 'D',
    severity: 'low',
    appliesTo: ['process'],
    when: "(isSet(self.keyPermissions) or isSet(self.secretStorage)) and any(outbound(self), f => signed(f) and f.replayProtection in ['timestamp', 'timestamp+nonce']) and none(self.clockSync)",
    mitigations: [
      { key: 'sync-clock', text: 'Run NTP/chrony with monitoring; compute and apply the offset from the exchange time endpoint.', controls: [{ property: 'clockSync', value: 'ntp' }] },
      { key: 'alert-on-skew', text: 'Alert on clock-skew rejections.', controls: [] },
    ],
    references: [doc('binance-rest'), doc('coinbase-exchange-auth'), doc('okx-auth'), top10(4)],
  },
  {
    id: 'AUTH-08',
    title: 'One API key shared by concurrent processes with nonce-based auth',
    description:
      'Kraken-style strictly increasing nonces break when several bots/threads sign with the same key: requests are rejected or operators enlarge the nonce window, weakening replay protection.',
    stride: 'DT',
    severity: 'medium',
    appliesTo: ['process'],
    when: "on(self.sharedKey) and any(outbound(self), f => f.replayProtection in ['nonce', 'timestamp+nonce'])",
    mitigations: [
      { key: 'key-per-process', text: 'Issue one key per process/strategy; generate nonces from a single monotonic source.', controls: [{ property: 'sharedKey', value: false }] },
      { key: 'zero-nonce-window', text: 'Keep the nonce window at zero unless strictly required.', controls: [] },
    ],
    references: [cwe(362), doc('kraken-rest-auth'), doc('kraken-keys'), apiTop10(2)],
  },
  {
    id: 'AUTH-09',
    title: 'Symmetric HMAC secret used for trading where asymmetric keys are available',
    description:
      'With HMAC the exchange stores a copy of the secret and every client host holds a reusable secret; asymmetric keys (Ed25519/RSA) keep the private key only with the client. Binance documents HMAC keys as deprecated and recommends Ed25519. Review decision (uncertain in the draft): kept as a low-severity advisory and extended to transfer. HMAC is still the only scheme at many venues; where no asymmetric key type exists, accept the finding with that justification. The residual risk is the copy of the secret the venue holds and the reusable secret on every client host.',
    stride: 'SI',
    severity: 'low',
    appliesTo: ['flow'],
    when: "self.authentication == 'hmac' and hasAny(self.operation, ['trade', 'withdraw', 'transfer'])",
    mitigations: [
      { key: 'asymmetric-keys', text: 'Migrate to Ed25519/RSA keys where the venue supports them; generate keys in a secure enclave or HSM.', controls: [{ property: 'authentication', value: 'ed25519' }] },
    ],
    references: [cwe(522), doc('binance-keytypes'), doc('bybit-auth'), top10(2)],
  },
  {
    id: 'AUTH-10',
    title: 'Gateway verifies signatures unsafely (non-constant-time compare, partial checks)',
    description:
      'When you operate the API, a signature check that short-circuits on the first differing byte, skips checking the timestamp before the signature, or accepts several encodings enables forgery or timing attacks.',
    stride: 'S',
    severity: 'medium',
    appliesTo: ['process'],
    when: "(is(self, 'apiGateway', 'exchange', 'fixGateway') or on(self.exposesApi)) and any(inbound(self), f => signed(f) and initiator(f) == 'src') and off(self.constantTimeSigCompare)",
    mitigations: [
      { key: 'vetted-verification', text: 'Use a vetted HMAC/Ed25519 library with constant-time comparison; canonicalise before verifying.', controls: [{ property: 'constantTimeSigCompare', value: true }] },
      { key: 'cheap-checks-first', text: 'Verify timestamp window and nonce before doing expensive work; log failures.', controls: [] },
    ],
    references: [cwe(208), cwe(347), capec(475), apiTop10(2)],
  },
  {
    id: 'AUTH-11',
    title: 'JWT/bearer tokens accepted without full validation',
    description:
      'Tokens are accepted without verifying signature algorithm, expiry, audience or binding to method/URI (Coinbase CDP JWTs embed the request URI and expire after 2 minutes), so unsigned ("alg":"none"), expired or replayed tokens work.',
    stride: 'SE',
    severity: 'high',
    appliesTo: ['process'],
    when: "any(inbound(self), f => f.authentication == 'jwt') and off(self.jwtValidation)",
    mitigations: [
      { key: 'full-jwt-validation', text: 'Pin allowed algorithms, validate exp/nbf/aud/iss, bind tokens to method and URI, keep lifetimes short.', controls: [{ property: 'jwtValidation', value: true }] },
    ],
    references: [apiTop10(2), cwe(347), cwe(613), capec(196), doc('coinbase-jwt')],
  },
  {
    id: 'AUTH-12',
    title: 'Home-made signature scheme (hash(secret||message)) instead of HMAC',
    description:
      'Signing by hashing a secret concatenated with the message allows length-extension forgery of extra parameters.',
    stride: 'ST',
    severity: 'high',
    appliesTo: ['flow'],
    when: "self.signatureScheme == 'hash-concat'",
    mitigations: [
      { key: 'use-hmac', text: 'Use HMAC-SHA256/512 or Ed25519 from a vetted library; never roll your own construction.', controls: [{ property: 'signatureScheme', value: 'hmac-sha256' }] },
    ],
    references: [cwe(327), cwe(328), capec(461), top10(2)],
  },
];
