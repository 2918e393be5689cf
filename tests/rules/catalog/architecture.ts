/**
 * A realistic crypto trading venue as an analyst would draw it, with the properties a first review records:
 * most controls stated, some gaps explicit (false or a weak value), a few left unknown.
 *
 *   internet:     trader (browser), binance (exchange we trade on)
 *   partner:      lp (liquidity provider, FIX)
 *   publicChain:  dex, oracle, rpc (RPC provider)
 *   cloudVpc:     dmz { gateway (API gateway), mdws (market-data WebSocket) }
 *                 engine (matching engine), risk (risk engine), hedger (order router), bot (market-making bot),
 *                 withdrawals (withdrawal service), ledger (database), audit (log store), secrets (secret store)
 *                 signing { signer (signing service), enclave { hsm } }
 */
import type { ThreatModel } from '../../../src/model/types';
import { doc } from './build';

export const ARCH_IDS = {
  trader: 'trader', binance: 'binance', lp: 'lp', dex: 'dex', oracle: 'oracle', rpc: 'rpc',
  gateway: 'gateway', mdws: 'mdws', engine: 'engine', risk: 'risk', hedger: 'hedger', bot: 'bot',
  withdrawals: 'withdrawals', ledger: 'ledger', audit: 'audit', secrets: 'secrets', signer: 'signer', hsm: 'hsm',
} as const;

export function tradingArchitecture(): ThreatModel {
  return doc()
    .zone('internet', 'internet')
    .zone('partner', 'partner')
    .zone('chain', 'publicChain')
    .zone('vpc', 'cloudVpc')
    .zone('dmz', 'dmz', 'vpc')
    .zone('signing', 'signingZone', 'vpc')
    .zone('enclave', 'hsmEnclave', 'signing')

    .actor('trader', 'browser', {}, 'internet')
    .actor('binance', 'exchange', {}, 'internet')
    .actor('lp', 'liquidityProvider', {}, 'partner')
    .actor('dex', 'dex', {}, 'chain')
    .actor('oracle', 'oracle', { oracleType: 'aggregated', sources: 7 }, 'chain')
    .actor('rpc', 'rpcNode', {}, 'chain')

    .process('gateway', 'apiGateway', {
      rateLimiting: true, connectionLimits: true, inputValidation: true, jwtValidation: true, logging: 'central',
      runsPrivileged: false, verboseErrors: false, debugEndpoints: false, cors: 'strict', multiTenant: true,
      objectLevelAuthz: true, propertyLevelAuthz: true, functionLevelAuthz: true, businessFlows: ['trade', 'withdraw'],
      anomalyDetection: false, threatIntel: true,
    }, 'dmz')
    .process('mdws', 'websocketServer', {
      originValidation: true, rateLimiting: true, connectionLimits: false, inputValidation: true, logging: 'central',
      runsPrivileged: false, verboseErrors: false, debugEndpoints: false, multiTenant: false, propertyLevelAuthz: true, anomalyDetection: true,
    }, 'dmz')
    .process('engine', 'matchingEngine', { marketSurveillance: true, inputValidation: true, logging: 'central' }, 'vpc')
    .process('risk', 'riskEngine', { marketDataSanityChecks: true, dualControl: true, inputValidation: true, failOpen: true, logging: 'central' }, 'vpc')
    .process('hedger', 'orderRouter', { riskControls: true, reconciliation: true, inputValidation: true, marketDataSanityChecks: true }, 'vpc')
    .process('bot', 'tradingBot', {
      keyPermissions: ['read', 'trade', 'withdraw'], needsWithdraw: false, ipAllowlist: true, secretStorage: 'envFile',
      clockSync: 'ntp', keyRotationDays: 90, sharedKey: false, accountScope: 'subaccount', keyUsageMonitoring: true,
      riskControls: true, reconciliation: true, marketDataSanityChecks: true, dependencyPinning: false,
      inputValidation: true, rpcCrossCheck: false,
    }, 'vpc')
    .process('withdrawals', 'withdrawalService', { withdrawAllowlist: true, threatIntel: true, logging: 'central', inputValidation: true }, 'vpc')
    .store('ledger', 'database', { data: ['balances', 'fills'], accessControl: true, encryptedAtRest: true, backedUp: true }, 'vpc')
    .store('audit', 'logStore', { tamperEvident: true, accessControl: true, encryptedAtRest: true, backedUp: true }, 'vpc')
    .store('secrets', 'secretStore', { accessControl: true, encryptedAtRest: true, accessMonitoring: true, backedUp: true }, 'vpc')
    .process('signer', 'signingService', {
      keyStorage: 'hsm', signingPolicy: true, quorumAdmin: true, walletTier: 'hot', balanceCap: true, dependencyPinning: true,
    }, 'signing')
    .process('hsm', 'hsm', { quorumAdmin: true, keyUsageMonitoring: true }, 'enclave')

    // Customer API and market data.
    .flow('trader', 'gateway', {
      protocol: 'https', authentication: 'jwt', operation: ['trade', 'withdraw'], data: ['orders', 'withdrawalRequest'], timeoutMs: 10000,
    })
    .flow('mdws', 'trader', { protocol: 'wss', initiator: 'dst', publicAccess: true, authentication: 'none', data: ['marketData', 'orderBookDiff'] })
    .flow('gateway', 'engine', { protocol: 'grpc', authentication: 'mtls', operation: ['trade'], data: ['orders'], timeoutMs: 2000 })
    .flow('engine', 'ledger', { protocol: 'tls', data: ['fills', 'balances'] })
    .flow('engine', 'mdws', { protocol: 'grpc', authentication: 'mtls', data: ['marketData', 'orderBookDiff'], timeoutMs: 2000 })
    .flow('engine', 'audit', { protocol: 'tls', data: ['logs'] })
    .flow('gateway', 'audit', { protocol: 'tls', data: ['logs', 'jwt'] })

    // Withdrawals and signing.
    .flow('gateway', 'withdrawals', { protocol: 'grpc', authentication: 'mtls', operation: ['withdraw'], data: ['withdrawalRequest'], timeoutMs: 2000 })
    .flow('secrets', 'withdrawals', { protocol: 'tls', initiator: 'dst', data: ['credentials'] })
    .flow('withdrawals', 'signer', { protocol: 'grpc', authentication: 'apiKey', data: ['unsignedTx'], timeoutMs: 5000 })
    .flow('signer', 'hsm', { protocol: 'tls', authentication: 'mtls', timeoutMs: 1000 })
    .flow('signer', 'rpc', { protocol: 'onchain', data: ['signedTx'], chainIdBound: true, timeoutMs: 5000 })

    // Our market-making bot on an external exchange.
    .flow('bot', 'binance', {
      protocol: 'https', authentication: 'hmac', operation: ['trade'], data: ['orders'], replayProtection: 'timestamp',
      timestampToleranceMs: 60000, signatureCovers: ['query', 'body', 'timestamp'], idempotencyKey: true, tlsVerify: true,
      inputValidation: true, timeoutMs: 3000, retry: 'idempotent',
    })
    .flow('binance', 'bot', {
      protocol: 'wss', initiator: 'dst', data: ['orderBookDiff', 'marketData'], sequenceCheck: true, inputValidation: true, timeoutMs: 3000,
    })

    // Hedging with a liquidity provider over FIX.
    .flow('hedger', 'lp', {
      protocol: 'fix+tls', authentication: 'password', operation: ['trade'], data: ['orders'], replayProtection: 'sequence',
      sequenceCheck: true, idempotencyKey: true, respectsRetryAfter: true, timeoutMs: 2000,
    })
    .flow('lp', 'hedger', { protocol: 'fix+tls', initiator: 'dst', data: ['quotes', 'fills'], quoteValidation: false, sequenceCheck: true, inputValidation: true })

    // DeFi: price oracle into risk, swaps through a DEX and an RPC provider.
    .flow('oracle', 'risk', { protocol: 'onchain', initiator: 'dst', data: ['marketData'], stalenessCheck: false, inputValidation: true })
    .flow('bot', 'dex', { protocol: 'onchain', operation: ['swap'], slippageLimit: true, deadline: true, tokenApproval: 'unlimited' })
    .flow('bot', 'rpc', { protocol: 'https', data: ['signedTx'], operation: ['swap'], mempool: 'public', chainIdBound: true, timeoutMs: 3000 })
    .build();
}
