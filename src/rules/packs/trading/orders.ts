/**
 * Trading pack: order flow, market data and liquidity-provider quotes (ORD, LP).
 * Assembled into the pack by ../trading.ts; docs/CATALOG.md has the table and the review log.
 */
import type { Rule } from '../../types';
import { apiTop10, cwe, doc, top10 } from '../references';

export const ORDER_RULES: Rule[] = [
  {
    id: 'ORD-01',
    title: 'Order submission is retried without an idempotency key (duplicate orders)',
    description:
      'Timeouts and 5xx responses leave the outcome unknown (Binance: execution status UNKNOWN, could have succeeded); retrying without a client order id can double the position.',
    stride: 'T',
    severity: 'high',
    appliesTo: ['flow'],
    when: "is(target, 'exchange', 'liquidityProvider') and has(self.operation, 'trade') and off(self.idempotencyKey)",
    mitigations: [
      { key: 'client-order-id', text: 'Always send a unique client order id (newClientOrderId/clOrdId/ClOrdID) and query by it before retrying.', controls: [{ property: 'idempotencyKey', value: true }] },
    ],
    references: [cwe(837), doc('binance-rest'), top10(4)],
  },
  {
    id: 'ORD-02',
    title: 'Automated execution without pre-trade risk controls or kill switch',
    description:
      'A bug, bad market data or a compromised signal source can send oversized or mispriced orders at machine speed.',
    stride: 'TD',
    severity: 'high',
    appliesTo: ['process'],
    when: "is(self, 'tradingBot', 'orderRouter') and off(self.riskControls)",
    mitigations: [
      { key: 'pre-trade-limits', text: 'Enforce max order size/notional, price bands vs reference, position and loss limits, order-rate limits.', controls: [{ property: 'riskControls', value: true }] },
      { key: 'kill-switch', text: 'Provide a kill switch that cancels all and blocks new orders; test it.', controls: [] },
    ],
    references: [cwe(1284), cwe(20), top10(4)],
  },
  {
    id: 'ORD-03',
    title: 'Trading decisions on a single unchecked market-data source',
    description:
      'Prices from one venue/feed are used without staleness, spread or cross-venue sanity checks; thin-book manipulation, spoofed updates or a stale feed drive trades.',
    stride: 'T',
    severity: 'medium',
    appliesTo: ['process'],
    when: "is(self, 'tradingBot', 'riskEngine', 'orderRouter') and any(inbound(self), f => hasAny(f.data, ['marketData', 'orderBookDiff'])) and off(self.marketDataSanityChecks)",
    mitigations: [
      { key: 'sanity-check-prices', text: 'Check staleness (timestamps/sequence), spread and deviation against a second source; pause quoting on anomalies.', controls: [{ property: 'marketDataSanityChecks', value: true }] },
    ],
    references: [cwe(345), cwe(1357), apiTop10(10)],
  },
  {
    id: 'ORD-04',
    title: 'No market-abuse surveillance on the venue (spoofing, layering, wash trading)',
    description:
      'Operators of a venue need to detect accounts manipulating order flow (spoofing, wash trading, compromised-key pump-and-dump in illiquid pairs) or they absorb the losses and regulatory exposure. Review decision (uncertain in the draft): kept. It is a market-integrity control rather than a software weakness, but a venue operator carries the losses and the regulatory exposure of undetected manipulation, including compromised keys pumping illiquid pairs. Applies only to a venue you run (drawn as a process).',
    stride: 'TR',
    severity: 'medium',
    appliesTo: ['process'],
    when: "is(self, 'exchange', 'matchingEngine') and off(self.marketSurveillance)",
    mitigations: [
      { key: 'surveillance', text: 'Run surveillance on order-to-trade ratios, self-matching, layering patterns and sudden activity on dormant keys.', controls: [{ property: 'marketSurveillance', value: true }] },
    ],
    references: [apiTop10(6), cwe(778), doc('incident-3commas')],
  },
  {
    id: 'ORD-05',
    title: 'Options market maker without market-maker protection (MMP)',
    description:
      "A quoting engine on many strikes can be swept in milliseconds across all quotes before it reacts; venues such as Deribit offer MMP limits that pull quotes after a fill burst. Review decision (uncertain in the draft): kept and widened from the tradingBot stencil to any process that quotes options (a quoting engine is often drawn as a generic process or an order router). MMP semantics differ between venues; mmp true means the venue's protection or an equivalent internal fill-rate breaker is configured.",
    stride: 'TD',
    severity: 'medium',
    appliesTo: ['process'],
    when: "self.instrument == 'options' and any(outbound(self), f => has(f.operation, 'quote')) and off(self.mmp)",
    mitigations: [
      { key: 'venue-mmp', text: 'Configure venue MMP (quantity/delta limits per interval) plus an internal fill-rate circuit breaker.', controls: [{ property: 'mmp', value: true }] },
    ],
    references: [doc('deribit-api'), top10(4)],
  },
  {
    id: 'ORD-06',
    title: 'Unknown order state after timeout/failover is not reconciled',
    description:
      'Orders whose response timed out may have executed; without reconciliation via user-data stream, drop copy or order query, internal positions diverge from the venue and risk limits are computed on wrong data.',
    stride: 'TR',
    severity: 'medium',
    appliesTo: ['process'],
    when: "is(self, 'tradingBot', 'orderRouter', 'fixGateway') and off(self.reconciliation)",
    mitigations: [
      { key: 'reconcile-with-venue', text: 'Reconcile against the user-data stream / drop copy; query by client order id after timeouts; block trading on mismatch.', controls: [{ property: 'reconciliation', value: true }] },
    ],
    references: [cwe(703), doc('binance-rest'), doc('coinbase-fix'), top10(4)],
  },
  {
    id: 'ORD-07',
    title: 'Order intent or strategy signals sent to parties who could trade ahead',
    description:
      "Pending orders or signals flowing to analytics, logging SaaS or other third parties (or readable by unrelated staff) enable front-running of the firm's or its clients' order flow. A data-minimisation finding: it closes when the flow stops carrying orders or strategy signals.",
    stride: 'I',
    severity: 'medium',
    appliesTo: ['flow'],
    when: "hasAny(self.data, ['orders', 'strategySignals']) and crosses(self) and is(source, 'process') and target.kind == 'actor' and not is(target, 'exchange', 'liquidityProvider', 'dex', 'rpcNode')",
    mitigations: [
      { key: 'minimise-shared-order-data', text: 'Minimise and delay order data shared with third parties; contractual and technical controls on analytics vendors.', controls: [] },
    ],
    references: [cwe(200), cwe(359), top10(4)],
  },
  {
    id: 'ORD-08',
    title: 'Risk parameters accepted without range validation',
    description:
      'Limit values (max leverage, position caps, price bands) are accepted as typed: a negative, zero or mistyped value disables a control or halts trading.',
    stride: 'T',
    severity: 'medium',
    appliesTo: ['process'],
    when: "has(self.handles, 'riskLimits') and off(self.inputValidation)",
    mitigations: [
      { key: 'validate-limit-ranges', text: 'Validate ranges and units server-side; require confirmation for large relative changes; stage and roll back.', controls: [{ property: 'inputValidation', value: true }] },
    ],
    references: [cwe(1284), cwe(20), top10(4)],
  },
  {
    id: 'LP-01',
    title: 'Liquidity-provider quotes accepted without price/size sanity checks',
    description:
      'Quotes/RFQ responses from an LP (stale, fat-fingered or deliberately off-market) are streamed to clients or executed without checking against a reference price, spread and validity time.',
    stride: 'T',
    severity: 'medium',
    appliesTo: ['flow'],
    when: "is(source, 'liquidityProvider') and has(self.data, 'quotes') and off(self.quoteValidation)",
    mitigations: [
      { key: 'validate-quotes', text: 'Validate quotes against reference prices, max spread, size and quote expiry; reject or widen on deviation.', controls: [{ property: 'quoteValidation', value: true }] },
    ],
    references: [cwe(20), cwe(345), apiTop10(10)],
  },
];
