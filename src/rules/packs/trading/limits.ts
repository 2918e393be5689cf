/**
 * Trading pack: rate limits, timeouts and retries (RL).
 * Assembled into the pack by ../trading.ts; docs/CATALOG.md has the table and the review log.
 */
import type { Rule } from '../../types';
import { apiTop10, capec, cwe, doc, top10 } from '../references';

export const RATE_LIMIT_RULES: Rule[] = [
  {
    id: 'RL-01',
    title: 'Client ignores 429/Retry-After and risks an exchange IP ban',
    description:
      "When a bot keeps sending after HTTP 429, Binance escalates to automated IP bans (HTTP 418) lasting 2 minutes to 3 days; during a ban the bot cannot cancel orders or hedge. An attacker sharing the IP (or a bug) can trigger it. Review decision (uncertain in the draft): kept at high severity and narrowed to third-party venues (the ban is the venue's behaviour; an exchange you run yourself is drawn as a process). There is no exact CWE (CWE-400 is approximate), but a ban leaves open orders that cannot be cancelled or hedged.",
    stride: 'D',
    severity: 'high',
    appliesTo: ['flow'],
    when: "is(source, 'process') and is(target, 'exchange', 'liquidityProvider') and thirdParty(target) and hasAny(self.operation, ['trade', 'read', 'quote']) and off(self.respectsRetryAfter)",
    mitigations: [
      { key: 'client-side-throttle', text: 'Track used weight from response headers (X-MBX-USED-WEIGHT-*, X-Bapi-Limit-Status) and throttle client-side.', controls: [{ property: 'respectsRetryAfter', value: true }] },
      { key: 'honour-retry-after', text: 'Honour Retry-After; reserve budget for cancels; prefer WebSocket streams for market data.', controls: [{ property: 'respectsRetryAfter', value: true }] },
    ],
    references: [cwe(400), apiTop10(4), doc('binance-rest'), doc('bybit-ratelimit')],
  },
  {
    id: 'RL-02',
    title: 'Several trading processes share one egress IP rate-limit budget',
    description:
      'Exchange limits are often per IP (Binance: "based on the IPs, not the API keys"; Bybit 600 requests / 5 s per IP); one noisy component (backfill, market-data polling) can starve order entry and cancels. Review decision (uncertain in the draft): kept unchanged. No exact CWE, but per-IP venue limits make a shared address a shared budget, and an IP allow-list on a shared address admits everyone behind it.',
    stride: 'D',
    severity: 'medium',
    appliesTo: ['process'],
    when: 'on(self.sharedEgressIp)',
    mitigations: [
      { key: 'separate-egress', text: 'Separate egress IPs for order entry vs data; central rate-limit budgeter with priority for cancels.', controls: [{ property: 'sharedEgressIp', value: false }] },
    ],
    references: [cwe(400), doc('binance-rest'), doc('bybit-ratelimit'), apiTop10(4)],
  },
  {
    id: 'RL-03',
    title: 'Exchange/gateway lacks connection and order-count limits',
    description:
      'When you operate the venue, unbounded WebSocket connections, subscriptions or open/unfilled orders per account let one client degrade the matching engine (venues cap these, e.g. Binance 300 connections/5 min per IP, Deribit 32 connections per IP).',
    stride: 'D',
    severity: 'medium',
    appliesTo: ['process'],
    when: "exposedApi(self) and is(self, 'exchange', 'apiGateway', 'websocketServer') and off(self.connectionLimits)",
    mitigations: [
      { key: 'connection-and-order-caps', text: 'Limit connections per IP/key, subscriptions per connection, open orders and unfilled-order counts per account.', controls: [{ property: 'connectionLimits', value: true }] },
    ],
    references: [cwe(770), apiTop10(4), capec(125), doc('binance-wsapi'), doc('deribit-conn')],
  },
  {
    id: 'RL-04',
    title: 'Outbound calls to third parties without timeouts',
    description:
      'A hung exchange, LP, oracle or RPC call blocks threads; the engine stops quoting/hedging or piles up requests. Only calls the process initiates: when the third party opens the connection (initiator dst), the timeout is on its side.',
    stride: 'D',
    severity: 'medium',
    appliesTo: ['flow'],
    when: "thirdParty(target) and is(source, 'process') and initiator(self) == 'src' and not (self.protocol == 'onchain') and not (self.timeoutMs > 0)",
    mitigations: [
      { key: 'timeouts-and-breakers', text: 'Set connect/read timeouts and circuit breakers per dependency; treat timeouts as unknown outcome (see ORD-06).', controls: [{ property: 'timeoutMs', value: 5000 }] },
    ],
    references: [cwe(1088), apiTop10(10)],
  },
  {
    id: 'RL-05',
    title: 'Naive retries without backoff (retry storms)',
    description:
      'Immediate unbounded retries on errors amplify outages, hit rate limits and can trigger bans.',
    stride: 'D',
    severity: 'medium',
    appliesTo: ['flow'],
    when: "self.retry == 'naive'",
    mitigations: [
      { key: 'backoff-and-budgets', text: 'Exponential backoff with jitter and retry budgets; do not retry non-idempotent calls blindly.', controls: [{ property: 'retry', value: 'idempotent' }] },
    ],
    references: [cwe(400), doc('binance-rest'), top10(4)],
  },
];
