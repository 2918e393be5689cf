/**
 * The DeFi pack. See docs/CATALOG.md for the review log.
 */
import type { RulePack } from '../types';
import { apiTop10, capec, cwe, doc, scTop10, swc, top10 } from './references';

export const DEFI_PACK: RulePack = {
  id: 'defi',
  name: 'DeFi',
  version: '1.0.0',
  description:
    'DEX swaps, oracles, RPC providers, relayers, token approvals, signed orders and permits, and upgradeable contracts.',
  rules: [
    {
      id: 'DEFI-01',
      title: 'Swap without effective slippage limit or deadline (sandwich/MEV)',
      description:
        'Swaps with amountOutMin of 0, a minimum derived on-chain at execution time, or deadline = block.timestamp/max can be sandwiched or executed much later at a worse price.',
      stride: 'T',
      severity: 'high',
      appliesTo: ['flow'],
      when: "is(target, 'dex') and has(self.operation, 'swap') and (off(self.slippageLimit) or off(self.deadline))",
      mitigations: [
        { key: 'min-out-and-deadline', text: 'Compute minAmountOut off-chain from a trusted quote with user-set tolerance; pass a real deadline; revert otherwise.', controls: [{ property: 'slippageLimit', value: true }, { property: 'deadline', value: true }] },
      ],
      references: [swc(114), cwe(362), scTop10(4)],
    },
    {
      id: 'DEFI-02',
      title: 'Trade transactions broadcast through the public mempool',
      description:
        'Pending swaps/liquidations are visible before inclusion, so searchers front-run or sandwich them.',
      stride: 'IT',
      severity: 'medium',
      appliesTo: ['flow'],
      when: "is(target, 'rpcNode') and has(self.data, 'signedTx') and hasAny(self.operation, ['swap', 'trade']) and not (self.mempool == 'private')",
      mitigations: [
        { key: 'private-submission', text: 'Submit via private transaction relays / order-flow auctions; use commit-reveal or batch auctions where possible.', controls: [{ property: 'mempool', value: 'private' }] },
      ],
      references: [swc(114), cwe(362), capec(26), top10(4)],
    },
    {
      id: 'DEFI-03',
      title: 'Manipulable price oracle (spot price, single source)',
      description:
        'Valuing collateral or limits from a spot price or one venue lets an attacker move the price with a flash loan or thin-book trades and borrow/withdraw against inflated value (Mango Markets, Oct 2022). An oracle whose type is unknown fires unverified (an unstated price source is the first thing to check); oracleType twap or aggregated with at least 3 sources closes it.',
      stride: 'T',
      severity: 'critical',
      appliesTo: ['oracle'],
      when: "not (self.oracleType in ['twap', 'aggregated']) or self.sources < 3",
      mitigations: [
        { key: 'manipulation-resistant-feed', text: 'Use manipulation-resistant feeds (decentralised aggregated feeds, TWAP over long windows, liquidity-weighted medians).', controls: [{ property: 'oracleType', value: 'aggregated' }, { property: 'sources', value: 3 }] },
        { key: 'bound-price-moves', text: 'Bound price moves per update, cap collateral factors for illiquid assets, add circuit breakers.', controls: [] },
      ],
      references: [scTop10(2), scTop10(7), cwe(345), doc('incident-mango')],
    },
    {
      id: 'DEFI-04',
      title: 'Oracle data consumed without staleness/heartbeat checks',
      description:
        'Using the latest answer without checking updatedAt against the feed heartbeat (and L2 sequencer status) executes on stale prices during outages; Chainlink docs tell consumers to check timestamps and pause when stale. Review decision (uncertain in the draft): kept unchanged. CWE-754 (improper check for unusual or exceptional conditions) fits a stale answer well enough. Spot reads are excluded because they are the current pool state, whose risk is manipulation (DEFI-03), not staleness.',
      stride: 'T',
      severity: 'high',
      appliesTo: ['flow'],
      when: "is(source, 'oracle') and not (source.oracleType == 'spot') and off(self.stalenessCheck)",
      mitigations: [
        { key: 'check-freshness', text: 'Check updatedAt against per-feed heartbeat, answer bounds and sequencer uptime; fall back or pause when stale.', controls: [{ property: 'stalenessCheck', value: true }] },
      ],
      references: [cwe(754), scTop10(2), doc('chainlink-feeds')],
    },
    {
      id: 'DEFI-05',
      title: 'Unlimited token approvals to router/aggregator contracts',
      description:
        'Infinite allowances let a compromised or malicious router drain approved tokens long after the trade.',
      stride: 'E',
      severity: 'high',
      appliesTo: ['flow'],
      when: "self.tokenApproval == 'unlimited'",
      mitigations: [
        { key: 'exact-approvals', text: 'Approve exact amounts or use permit-style signatures with expiry; let users revoke easily.', controls: [{ property: 'tokenApproval', value: 'exact' }] },
      ],
      references: [cwe(272), scTop10(1)],
    },
    {
      id: 'DEFI-06',
      title: 'Upgradeable contract or admin key without multisig and timelock',
      description:
        'A single admin key can upgrade the implementation or change parameters, so its compromise (or a rogue insider) drains user funds. Driven by upgradeable on a process you run (a contract you deploy).',
      stride: 'E',
      severity: 'critical',
      appliesTo: ['process'],
      when: "on(self.upgradeable) and not (self.adminKey == 'multisig+timelock')",
      mitigations: [
        { key: 'multisig-timelock', text: 'Put upgrades and parameter changes behind a multisig with a public timelock; monitor admin actions.', controls: [{ property: 'adminKey', value: 'multisig+timelock' }] },
      ],
      references: [scTop10(1), cwe(284), capec(122)],
    },
    {
      id: 'DEFI-07',
      title: 'Single RPC provider trusted for chain state and submission',
      description:
        'A lagging, censoring or malicious RPC endpoint returns wrong balances/prices or drops transactions. A process that also reads from a node you run is not relying on a single provider.',
      stride: 'TD',
      severity: 'medium',
      appliesTo: ['process'],
      when: "count(outbound(self), f => is(target(f), 'rpcNode')) == 1 and any(outbound(self), f => is(target(f), 'rpcNode') and thirdParty(target(f))) and off(self.rpcCrossCheck)",
      mitigations: [
        { key: 'several-providers', text: 'Use several providers or your own node; cross-check critical reads (block height, balances); verify receipts.', controls: [{ property: 'rpcCrossCheck', value: true }] },
      ],
      references: [cwe(345), apiTop10(10)],
    },
    {
      id: 'DEFI-08',
      title: 'Off-chain signed orders/permits without expiry or nonce tracking',
      description:
        'Signed intents (RFQ orders, permits) without expiry and on-chain nonce/cancel tracking can be replayed or executed much later.',
      stride: 'ST',
      severity: 'high',
      appliesTo: ['flow'],
      when: "hasAny(self.data, ['signedOrder', 'permit', 'intent']) and (off(self.expiry) or off(self.nonceTracked)) and not any(inbound(source), f => hasAny(f.data, ['signedOrder', 'permit', 'intent']))",
      mitigations: [
        { key: 'deadline-and-nonce', text: 'Include deadline and nonce in the signed struct; track used nonces on-chain; support cancellation.', controls: [{ property: 'expiry', value: true }, { property: 'nonceTracked', value: true }] },
      ],
      references: [swc(121), cwe(294), top10(8)],
    },
    {
      id: 'DEFI-09',
      title: 'Oracle/relayer/keeper operators have no economic stake at risk',
      description:
        'Permissionless operators who post prices or relay messages without a bond/slashing can misbehave at low cost (stake-based threat mitigation). Review decision (uncertain in the draft): kept unchanged. Whether a bond is the right control depends on the protocol; threshold signatures over many independent operators or fraud proofs can do the same job, in which case set bonded or accept the finding with that justification.',
      stride: 'TR',
      severity: 'medium',
      appliesTo: ['oracle', 'relayer'],
      when: "self.operatorModel in ['permissionless', 'externalOperators'] and off(self.bonded)",
      mitigations: [
        { key: 'stake-and-slash', text: 'Require staking with slashing for provable misbehaviour, plus multiple independent operators and aggregation.', controls: [{ property: 'bonded', value: true }] },
      ],
      references: [scTop10(2)],
    },
    {
      id: 'DEFI-10',
      title: 'Aggregator calldata or route from a third-party API executed without verification',
      description:
        'Quote APIs return calldata the backend/frontend forwards for signing; a compromised or spoofed API can return calldata that approves or transfers to an attacker.',
      stride: 'TE',
      severity: 'high',
      appliesTo: ['flow'],
      when: "is(source, 'thirdPartyApi', 'dex') and has(self.data, 'calldata') and off(self.txSimulation)",
      mitigations: [
        { key: 'decode-and-simulate', text: 'Decode and validate calldata (target, selector, recipient, amounts) against the requested swap; simulate before signing.', controls: [{ property: 'txSimulation', value: true }] },
      ],
      references: [apiTop10(10), cwe(345), cwe(20)],
    },
  ],
};
