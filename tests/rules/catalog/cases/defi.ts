/**
 * Cases for the DeFi pack.
 */
import { doc } from '../build';
import type { RuleCase } from './types';

export const DEFI_CASES: RuleCase[] = [
  {
    rule: 'DEFI-01', name: 'swap without a deadline', target: 'router->dex', confidence: 'confirmed',
    build: () => doc().process('router', 'process').actor('dex', 'dex')
      .flow('router', 'dex', { protocol: 'onchain', operation: ['swap'], slippageLimit: true, deadline: false }).build(),
    close: { mitigation: 'min-out-and-deadline' },
  },
  {
    rule: 'DEFI-02', name: 'swap broadcast publicly', target: 'bot->rpc', confidence: 'confirmed',
    build: () => doc().process('bot', 'tradingBot').actor('rpc', 'rpcNode')
      .flow('bot', 'rpc', { protocol: 'onchain', data: ['signedTx'], operation: ['swap'], mempool: 'public' }).build(),
    close: { mitigation: 'private-submission' },
  },
  {
    rule: 'DEFI-02', name: 'mempool not recorded', target: 'bot->rpc', confidence: 'unverified',
    build: () => doc().process('bot', 'tradingBot').actor('rpc', 'rpcNode')
      .flow('bot', 'rpc', { data: ['signedTx'], operation: ['trade'] }).build(),
    close: { mitigation: 'private-submission' },
  },
  {
    rule: 'DEFI-03', name: 'spot-price oracle', target: 'oracle', confidence: 'confirmed',
    build: () => doc().actor('oracle', 'oracle', { oracleType: 'spot' }).build(),
    close: { mitigation: 'manipulation-resistant-feed' },
  },
  {
    rule: 'DEFI-03', name: 'aggregated from a single source', target: 'oracle', confidence: 'confirmed',
    build: () => doc().process('oracle', 'oracle', { oracleType: 'aggregated', sources: 1 }).build(),
    close: { mitigation: 'manipulation-resistant-feed' },
  },
  {
    rule: 'DEFI-03', name: 'oracle type not recorded', target: 'oracle', confidence: 'unverified',
    build: () => doc().actor('oracle', 'oracle').build(),
    close: { mitigation: 'manipulation-resistant-feed' },
  },
  {
    rule: 'DEFI-04', name: 'feed read without staleness check', target: 'oracle->lending', confidence: 'confirmed',
    build: () => doc().actor('oracle', 'oracle', { oracleType: 'aggregated' }).process('lending', 'process')
      .flow('oracle', 'lending', { protocol: 'onchain', stalenessCheck: false }).build(),
    close: { mitigation: 'check-freshness' },
  },
  {
    rule: 'DEFI-04', name: 'same-block spot read', target: 'oracle->lending', quiet: true,
    build: () => doc().actor('oracle', 'oracle', { oracleType: 'spot' }).process('lending', 'process')
      .flow('oracle', 'lending', { stalenessCheck: false }).build(),
  },
  {
    rule: 'DEFI-05', name: 'unlimited approval to the router', target: 'wallet->dex', confidence: 'confirmed',
    build: () => doc().process('wallet', 'wallet').actor('dex', 'dex').flow('wallet', 'dex', { tokenApproval: 'unlimited' }).build(),
    close: { mitigation: 'exact-approvals' },
  },
  {
    rule: 'DEFI-06', name: 'upgradeable by one EOA', target: 'vault', confidence: 'confirmed',
    build: () => doc().process('vault', 'process', { upgradeable: true, adminKey: 'eoa' }).build(),
    close: { mitigation: 'multisig-timelock' },
  },
  {
    rule: 'DEFI-06', name: 'admin key not recorded', target: 'vault', confidence: 'unverified',
    build: () => doc().process('vault', 'process', { upgradeable: true }).build(),
    close: { mitigation: 'multisig-timelock' },
  },
  {
    rule: 'DEFI-07', name: 'one RPC provider', target: 'bot', confidence: 'confirmed',
    build: () => doc().process('bot', 'tradingBot', { rpcCrossCheck: false }).actor('rpc', 'rpcNode').flow('bot', 'rpc').build(),
    close: { mitigation: 'several-providers' },
  },
  {
    rule: 'DEFI-07', name: 'provider plus own node', target: 'bot', quiet: true,
    build: () => doc().zone('vpc', 'cloudVpc').process('bot', 'tradingBot', { rpcCrossCheck: false }, 'vpc').actor('rpc', 'rpcNode')
      .process('node', 'rpcNode', {}, 'vpc').flow('bot', 'rpc').flow('bot', 'node').build(),
  },
  {
    rule: 'DEFI-08', name: 'signed RFQ order without nonce tracking', target: 'maker->relayer', confidence: 'confirmed',
    build: () => doc().process('maker', 'process').actor('relayer', 'relayer')
      .flow('maker', 'relayer', { data: ['signedOrder'], expiry: true, nonceTracked: false }).build(),
    close: { mitigation: 'deadline-and-nonce' },
  },
  {
    rule: 'DEFI-09', name: 'permissionless unbonded relayers', target: 'relayer', confidence: 'confirmed',
    build: () => doc().actor('relayer', 'relayer', { operatorModel: 'permissionless', bonded: false }).build(),
    close: { mitigation: 'stake-and-slash' },
  },
  {
    rule: 'DEFI-09', name: 'operators you run yourself', target: 'relayer', quiet: true,
    build: () => doc().actor('relayer', 'relayer', { operatorModel: 'internal', bonded: false }).build(),
  },
  {
    rule: 'DEFI-10', name: 'aggregator calldata signed as returned', target: 'agg->backend', confidence: 'confirmed',
    build: () => doc().actor('agg', 'thirdPartyApi').process('backend', 'process')
      .flow('agg', 'backend', { protocol: 'https', data: ['calldata'], txSimulation: false }).build(),
    close: { mitigation: 'decode-and-simulate' },
  },
];
