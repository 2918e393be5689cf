/**
 * Cases for the wallets and custody pack (CUST, MON-05, MON-08).
 */
import { doc, exposedApi } from '../build';
import type { RuleCase } from './types';

/** A withdrawal service asking a signer in a signing zone to sign. */
const withdrawalToSigner = (flowProps = {}) =>
  doc()
    .zone('vpc', 'cloudVpc')
    .zone('sign', 'signingZone', 'vpc')
    .process('wd', 'withdrawalService', {}, 'vpc')
    .process('signer', 'signingService', {}, 'sign')
    .flow('wd', 'signer', { protocol: 'https', ...flowProps });

export const CUSTODY_CASES: RuleCase[] = [
  {
    rule: 'CUST-01', name: 'internet-facing API holds keys', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ holdsPrivateKeys: true }).build(),
    close: { mitigation: 'isolate-signing' },
  },
  {
    rule: 'CUST-01', name: 'signer behind an internal service', target: 'signer', quiet: true,
    build: () => withdrawalToSigner().build(),
  },
  {
    rule: 'CUST-02', name: 'signer keeps keys in a file', target: 'signer', confidence: 'confirmed',
    build: () => doc().process('signer', 'signingService', { keyStorage: 'file' }).build(),
    close: { mitigation: 'hardware-or-mpc-keys' },
  },
  {
    rule: 'CUST-02', name: 'wallet drawn as a store, key storage not recorded', target: 'cold', confidence: 'unverified',
    build: () => doc().store('cold', 'wallet').build(),
    close: { mitigation: 'hardware-or-mpc-keys' },
  },
  {
    rule: 'CUST-02', name: 'HSM (keyStorage hsm by default)', target: 'hsm', quiet: true,
    build: () => doc().process('hsm', 'hsm').build(),
  },
  {
    rule: 'CUST-03', name: 'signer without policy engine', target: 'signer', confidence: 'confirmed',
    build: () => doc().process('signer', 'signingService', { signingPolicy: false }).build(),
    close: { mitigation: 'policy-engine' },
  },
  {
    rule: 'CUST-04', name: 'withdrawals to any address', target: 'wd', confidence: 'confirmed',
    build: () => doc().process('api', 'apiGateway').process('wd', 'withdrawalService', { withdrawAllowlist: false })
      .flow('api', 'wd', { data: ['withdrawalRequest'] }).build(),
    close: { mitigation: 'address-allow-list' },
  },
  {
    rule: 'CUST-05', name: 'cold wallet with one approver', target: 'signer', confidence: 'confirmed',
    build: () => doc().process('signer', 'signingService', { walletTier: 'cold', approvals: 1 }).build(),
    close: { mitigation: 'm-of-n-approvals' },
  },
  {
    rule: 'CUST-05', name: 'warm wallet, approvals not recorded', target: 'warm', confidence: 'unverified',
    build: () => doc().process('warm', 'wallet', { walletTier: 'warm' }).build(),
    close: { mitigation: 'm-of-n-approvals' },
  },
  {
    rule: 'CUST-06', name: 'blind signing in a web UI', target: 'approvals', confidence: 'confirmed',
    build: () => doc().process('approvals', 'process', { humanApproval: true, independentTxVerification: false }).build(),
    close: { mitigation: 'clear-signing' },
  },
  {
    rule: 'CUST-07', name: 'signer trusts a bare API key', target: 'wd->signer', confidence: 'confirmed',
    build: () => withdrawalToSigner({ authentication: 'apiKey' }).build(),
    close: { mitigation: 'mtls-and-signed-envelopes' },
  },
  {
    rule: 'CUST-07', name: 'HSM call, authentication not recorded', target: 'signer->hsm', confidence: 'unverified',
    build: () => doc().process('signer', 'signingService').process('hsm', 'hsm').flow('signer', 'hsm').build(),
    close: { mitigation: 'mtls-and-signed-envelopes' },
  },
  {
    rule: 'CUST-07', name: 'signature returned to the caller (initiator dst)', target: 'hsm->signer', quiet: true,
    build: () => doc().process('signer', 'signingService').process('hsm', 'hsm')
      .flow('signer', 'hsm', { authentication: 'mtls' }).flow('hsm', 'signer', { initiator: 'dst' }).build(),
  },
  {
    rule: 'CUST-08', name: 'signed transaction without chain id', target: 'signer->rpc', confidence: 'confirmed',
    build: () => doc().process('signer', 'signingService').actor('rpc', 'rpcNode')
      .flow('signer', 'rpc', { protocol: 'onchain', data: ['signedTx'], chainIdBound: false }).build(),
    close: { mitigation: 'chain-and-domain-binding' },
  },
  {
    rule: 'CUST-08', name: 'a relay only forwards what it received', target: 'relay->rpc', quiet: true,
    build: () => doc().process('signer', 'signingService').process('relay', 'process').actor('rpc', 'rpcNode')
      .flow('signer', 'relay', { data: ['signedTx'], chainIdBound: true })
      .flow('relay', 'rpc', { data: ['signedTx'], chainIdBound: false }).build(),
  },
  {
    rule: 'CUST-09', name: 'uncapped hot wallet', target: 'hot', confidence: 'confirmed',
    build: () => doc().process('hot', 'wallet', { walletTier: 'hot', balanceCap: false }).build(),
    close: { mitigation: 'cap-and-sweep' },
  },
  {
    rule: 'CUST-10', name: 'seed backup online', target: 'backup', confidence: 'confirmed',
    build: () => doc().store('backup', 'store', { data: ['seedPhrase'], encryptedAtRest: true, offline: false }).build(),
    close: { mitigation: 'split-encrypted-offline' },
  },
  {
    rule: 'CUST-11', name: 'HSM administered by one officer', target: 'hsm', confidence: 'confirmed',
    build: () => doc().process('hsm', 'hsm', { quorumAdmin: false }).build(),
    close: { mitigation: 'quorum-administration' },
  },
  {
    rule: 'MON-05', name: 'secret store reads not monitored', target: 'vault', confidence: 'confirmed',
    build: () => doc().store('vault', 'secretStore', { accessMonitoring: false }).build(),
    close: { mitigation: 'monitor-secret-reads' },
  },
  {
    rule: 'MON-05', name: 'HSM key use not monitored', target: 'hsm', confidence: 'confirmed',
    build: () => doc().process('hsm', 'hsm', { keyUsageMonitoring: false }).build(),
    close: { mitigation: 'monitor-key-use' },
  },
  {
    rule: 'MON-05', name: 'HSM drawn as a store, monitoring not recorded', target: 'hsm', confidence: 'unverified',
    build: () => doc().store('hsm', 'hsm').build(),
    close: { mitigation: 'monitor-secret-reads' },
  },
  {
    rule: 'MON-08', name: 'signing UI without asset integrity', target: 'ui', confidence: 'confirmed',
    build: () => doc().process('ui', 'webClient', { servesSigningUi: true, assetIntegrity: false }).build(),
    close: { mitigation: 'pin-front-end-assets' },
  },
];
