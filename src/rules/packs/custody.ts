/**
 * The wallets and custody pack: CUST rules plus the custody-related monitoring rules (MON-05 key and secret
 * access, MON-08 signing front ends). See docs/CATALOG.md.
 */
import type { RulePack } from '../types';
import { apiTop10, capec, cwe, doc, swc, top10 } from './references';

export const CUSTODY_PACK: RulePack = {
  id: 'custody',
  name: 'Wallets and custody',
  version: '1.0.0',
  description:
    'Private keys, signing services, HSMs, wallets and withdrawals: key isolation and storage, signing policy, approvals and blind signing, withdrawal allow-lists, chain binding of signatures, backups, quorum administration and monitoring of key use.',
  rules: [
    {
      id: 'CUST-01',
      title: 'Private keys or signing co-located with an internet-facing process',
      description:
        'A process that holds private keys also accepts traffic from the internet; a single RCE or SSRF in the public-facing code reaches the keys. Signing must be isolated from public endpoints. Closed when the keys move out of the internet-facing process into an isolated signer (holdsPrivateKeys false on this process).',
      stride: 'EI',
      severity: 'critical',
      appliesTo: ['process'],
      when: "on(self.holdsPrivateKeys) and any(inbound(self), f => crosses(f, 'internet'))",
      mitigations: [
        { key: 'isolate-signing', text: 'Move signing into an isolated signing service/HSM/MPC cluster reachable only from an internal queue with authenticated requests.', controls: [{ property: 'holdsPrivateKeys', value: false }] },
      ],
      references: [cwe(653), cwe(668), doc('owasp-keymgmt-cs'), doc('nist-800-57'), top10(4)],
    },
    {
      id: 'CUST-02',
      title: 'Wallet private keys held in software instead of HSM/MPC/KMS',
      description:
        'Keys in application memory, files, databases or env vars are exportable by anyone who compromises the host. An HSM element carries keyStorage hsm by default.',
      stride: 'I',
      severity: 'critical',
      appliesTo: ['process', 'store'],
      when: "on(self.holdsPrivateKeys) and not (self.keyStorage in ['hsm', 'mpc', 'kms', 'tee'])",
      mitigations: [
        { key: 'hardware-or-mpc-keys', text: 'Generate and use keys inside FIPS-validated HSMs or an MPC/TSS scheme; never export plaintext keys.', controls: [{ property: 'keyStorage', value: 'hsm' }] },
      ],
      references: [cwe(312), cwe(321), cwe(522), capec(474), doc('nist-800-57'), top10(2)],
    },
    {
      id: 'CUST-03',
      title: 'Signer signs whatever it is asked (no transaction policy engine)',
      description:
        'Without a policy layer (destination allow-list, per-tx and velocity limits, asset rules) any component that can reach the signer can drain the wallet.',
      stride: 'ET',
      severity: 'critical',
      appliesTo: ['process'],
      when: "is(self, 'signingService') and off(self.signingPolicy)",
      mitigations: [
        { key: 'policy-engine', text: 'Enforce policies inside the signing boundary (HSM/MPC policy engine): allow-listed destinations, limits, time locks, quorum for large amounts.', controls: [{ property: 'signingPolicy', value: true }] },
      ],
      references: [cwe(862), cwe(841), top10(1)],
    },
    {
      id: 'CUST-04',
      title: 'Withdrawals to arbitrary new addresses without allow-list or time lock',
      description:
        'A takeover of a customer account or API key withdraws immediately to an attacker address; address allow-lists with a cooling-off period for new addresses (exchange address books, e.g. Deribit address book) stop this.',
      stride: 'TE',
      severity: 'high',
      appliesTo: ['process'],
      when: "(has(self.handles, 'withdrawal') or is(self, 'withdrawalService')) and any(inbound(self), f => has(f.data, 'withdrawalRequest')) and off(self.withdrawAllowlist)",
      mitigations: [
        { key: 'address-allow-list', text: 'Require pre-registered withdrawal addresses with 24-48 h activation delay and notification; step-up auth for changes.', controls: [{ property: 'withdrawAllowlist', value: true }] },
      ],
      references: [cwe(284), cwe(841), apiTop10(6)],
    },
    {
      id: 'CUST-05',
      title: 'High-value wallet operations need only one approver',
      description:
        'A single operator (or a single compromised workstation) can move cold/warm wallet funds; insiders are not constrained. Applies to processes only: approvals is a process property, and a wallet switched to a store is a key vault whose approvals live in the signer in front of it.',
      stride: 'ER',
      severity: 'high',
      appliesTo: ['process'],
      when: "is(self, 'signingService', 'wallet') and self.walletTier in ['cold', 'warm'] and not (self.approvals >= 2)",
      mitigations: [
        { key: 'm-of-n-approvals', text: 'M-of-N approvals on independent devices, with separation of duties and out-of-band verification.', controls: [{ property: 'approvals', value: 2 }] },
      ],
      references: [cwe(654), capec(122), top10(4)],
    },
    {
      id: 'CUST-06',
      title: 'Approvers sign without independent transaction verification (blind signing)',
      description:
        'Approvers trust what a web UI shows; a compromised front end shows a benign transfer while the payload changes wallet ownership (Bybit, February 2025: manipulated Safe{Wallet} UI, about USD 1.4-1.5 bn).',
      stride: 'ST',
      severity: 'critical',
      appliesTo: ['process'],
      when: 'on(self.humanApproval) and off(self.independentTxVerification)',
      mitigations: [
        { key: 'clear-signing', text: 'Decode and verify transactions on an independent trusted device (clear signing); simulate; verify calldata hash out of band.', controls: [{ property: 'independentTxVerification', value: true }] },
      ],
      references: [cwe(451), capec(173), capec(662), doc('incident-bybit-2025'), top10(4), top10(8)],
    },
    {
      id: 'CUST-07',
      title: 'Signing requests accepted from unauthenticated internal callers',
      description:
        'The signer trusts the network: any internal service or compromised pod can submit transactions for signing. Only requests into the signer: a reply drawn as its own flow (initiator dst) is authenticated by the call it answers.',
      stride: 'SE',
      severity: 'critical',
      appliesTo: ['flow'],
      when: "is(target, 'signingService', 'hsm') and initiator(self) == 'src' and (none(self.authentication) or self.authentication == 'apiKey')",
      mitigations: [
        { key: 'mtls-and-signed-envelopes', text: 'mTLS with pinned client identities plus signed, policy-checked request envelopes; allow-list callers.', controls: [{ property: 'authentication', value: 'mtls' }] },
      ],
      references: [cwe(306), cwe(923), apiTop10(2)],
    },
    {
      id: 'CUST-08',
      title: 'Signed orders/transactions not bound to chain and domain (cross-chain replay)',
      description:
        'Signatures without chain id / EIP-712 domain separator can be replayed on another chain, fork or contract. Also covers signed intents, which are EIP-712 messages like signed orders.',
      stride: 'ST',
      severity: 'high',
      appliesTo: ['flow'],
      when: "hasAny(self.data, ['signedTx', 'signedOrder', 'permit', 'intent']) and off(self.chainIdBound) and not any(inbound(source), f => hasAny(f.data, ['signedTx', 'signedOrder', 'permit', 'intent']))",
      mitigations: [
        { key: 'chain-and-domain-binding', text: 'Use EIP-155 chain ids and EIP-712 domains (name, version, chainId, verifyingContract) and verify them on-chain.', controls: [{ property: 'chainIdBound', value: true }] },
      ],
      references: [swc(121), cwe(294), cwe(347), doc('eip-155'), doc('eip-712'), top10(8)],
    },
    {
      id: 'CUST-09',
      title: 'Hot wallet balance not capped',
      description:
        'Hot wallets holding more than operational needs turn any hot-key compromise into a large loss. Review decision (uncertain in the draft): kept unchanged. It is an operational custody control (the CryptoCurrency Security Standard asks for hot-wallet limits) without a precise CWE; CWE-653 (improper isolation or compartmentalisation) is the nearest.',
      stride: 'I',
      severity: 'medium',
      appliesTo: ['process', 'store'],
      when: "self.walletTier == 'hot' and off(self.balanceCap)",
      mitigations: [
        { key: 'cap-and-sweep', text: 'Cap hot balances; auto-sweep to warm/cold storage; alert on threshold breaches.', controls: [{ property: 'balanceCap', value: true }] },
      ],
      references: [cwe(653), top10(4)],
    },
    {
      id: 'CUST-10',
      title: 'Key backups / seed phrases stored insecurely',
      description:
        'Seed phrases, key shares or HSM backups stored online or unencrypted allow key reconstruction outside the controlled environment.',
      stride: 'I',
      severity: 'critical',
      appliesTo: ['store'],
      when: "hasAny(self.data, ['seedPhrase', 'keyShare', 'keyBackup']) and (off(self.encryptedAtRest) or off(self.offline))",
      mitigations: [
        { key: 'split-encrypted-offline', text: 'Split backups (Shamir/MPC shares) across locations and custodians, encrypted and offline, with dual control for recovery.', controls: [{ property: 'encryptedAtRest', value: true }, { property: 'offline', value: true }] },
      ],
      references: [cwe(312), cwe(522), doc('nist-800-57'), top10(2)],
    },
    {
      id: 'CUST-11',
      title: 'HSM/MPC administration without quorum (key export, policy or quorum changes)',
      description:
        'If one administrator can change signing policy, add a signer, or export/wrap keys, an insider or a compromised admin account bypasses every other custody control.',
      stride: 'E',
      severity: 'high',
      appliesTo: ['process', 'store'],
      when: "is(self, 'hsm', 'signingService') and off(self.quorumAdmin)",
      mitigations: [
        { key: 'quorum-administration', text: 'Require M-of-N for administrative operations (security officer quorum, MPC policy quorum); log to an append-only store.', controls: [{ property: 'quorumAdmin', value: true }] },
      ],
      references: [cwe(654), capec(122), doc('nist-800-57'), top10(1)],
    },
    {
      id: 'MON-05',
      title: 'Privileged access to secret stores/HSMs not monitored',
      description:
        'Insiders or compromised admin accounts can read secrets or use keys without detection. An HSM is a process by default and accessMonitoring is a store property, so an HSM drawn as a process is checked for keyUsageMonitoring instead.',
      stride: 'IE',
      severity: 'medium',
      appliesTo: ['secretStore', 'hsm'],
      when: "(self.kind == 'store' and off(self.accessMonitoring)) or (self.kind == 'process' and off(self.keyUsageMonitoring))",
      mitigations: [
        { key: 'monitor-secret-reads', text: 'Just-in-time, break-glass access with approvals; log and alert on every secret read/key use outside normal callers.', controls: [{ property: 'accessMonitoring', value: true }] },
        { key: 'monitor-key-use', text: 'For an HSM drawn as a process: alert on every key use outside its normal callers and on administrative sessions.', controls: [{ property: 'keyUsageMonitoring', value: true }] },
      ],
      references: [cwe(778), capec(122), top10(9)],
    },
    {
      id: 'MON-08',
      title: 'Signing UI or critical front end served without integrity controls',
      description:
        'A front end used to build or approve transactions is loaded from third-party hosting/CDN without integrity pinning or change monitoring; injected JavaScript alters what is signed (Bybit 2025 / Safe{Wallet}).',
      stride: 'T',
      severity: 'critical',
      appliesTo: ['process'],
      when: 'on(self.servesSigningUi) and off(self.assetIntegrity)',
      mitigations: [
        { key: 'pin-front-end-assets', text: 'Self-host or pin assets (SRI, signed bundles), monitor deployed asset hashes, and verify transactions on an independent device (CUST-06).', controls: [{ property: 'assetIntegrity', value: true }] },
      ],
      references: [cwe(494), cwe(829), capec(662), doc('incident-bybit-2025'), top10(8)],
    },
  ],
};
