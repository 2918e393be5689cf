/** Template: the public API of a centralised crypto exchange, from the trader to the chain. */
import type { ThreatModel } from '../../model/types';
import { createTemplateBuilder } from './builder';

export function buildCryptoExchangeTemplate(): ThreatModel {
  const t = createTemplateBuilder({
    name: 'Crypto exchange API',
    description:
      'REST and WebSocket API of a centralised exchange: order entry, public market data, and withdrawals signed in an isolated signing zone. Properties left unset show as unverified threats until you confirm them.',
    diagramName: 'Exchange API',
  });

  const internet = t.zone('internet', 'Internet', { x: 40, y: 240, width: 240, height: 200 });
  const vpc = t.zone('cloudVpc', 'Exchange VPC', { x: 360, y: 40, width: 900, height: 720 });
  const signing = t.zone('signingZone', 'Signing zone', { x: 680, y: 470, width: 560, height: 250 }, vpc);
  const chain = t.zone('publicChain', 'Public blockchain', { x: 1320, y: 460, width: 240, height: 200 });

  const trader = t.node('actor', 'Trader', { x: 80, y: 300 }, {
    boundary: internet,
    props: { trust: 'untrusted' },
    description: 'A customer or their bot calling the API with an HMAC-signed API key.',
  });
  const marketData = t.node('websocketServer', 'WebSocket market data', { x: 420, y: 100 }, {
    boundary: vpc,
    props: { rateLimiting: true },
  });
  const gateway = t.node('apiGateway', 'API gateway', { x: 420, y: 320 }, {
    boundary: vpc,
    props: { rateLimiting: true, inputValidation: true, multiTenant: true, constantTimeSigCompare: true },
  });
  const engine = t.node('matchingEngine', 'Matching engine', { x: 720, y: 210 }, { boundary: vpc });
  const database = t.node('database', 'Orders database', { x: 1020, y: 210 }, {
    boundary: vpc,
    props: { data: ['orders', 'fills', 'balances'], encryptedAtRest: true, accessControl: true },
  });
  const withdrawals = t.node('withdrawalService', 'Withdrawal service', { x: 420, y: 510 }, {
    boundary: vpc,
    props: { withdrawAllowlist: true },
  });
  const signer = t.node('signingService', 'Signing service', { x: 720, y: 510 }, {
    boundary: signing,
    props: { signingPolicy: true, keyStorage: 'kms' },
  });
  const hotWallet = t.node('wallet', 'Hot wallet', { x: 1000, y: 620 }, {
    boundary: signing,
    kind: 'store',
    props: { walletTier: 'hot', balanceCap: true },
  });
  const rpc = t.node('rpcNode', 'Blockchain RPC node', { x: 1360, y: 510 }, { boundary: chain });

  t.flow(trader, gateway, 'Orders and withdrawals', {
    protocol: 'https',
    authentication: 'hmac',
    replayProtection: 'timestamp',
    timestampToleranceMs: 5000,
    signatureCovers: ['method', 'path', 'query', 'body', 'timestamp'],
    data: ['orders', 'withdrawalRequest'],
    operation: ['trade', 'withdraw'],
    idempotencyKey: true,
  });
  t.flow(marketData, trader, 'Market data stream', {
    protocol: 'wss',
    publicAccess: true,
    initiator: 'dst',
    data: ['marketData', 'orderBookDiff'],
  });
  t.flow(gateway, engine, 'Order entry', { protocol: 'grpc', authentication: 'mtls', data: ['orders'], operation: ['trade'] });
  t.flow(engine, marketData, 'Book updates', { protocol: 'grpc', data: ['orderBookDiff'] });
  t.flow(engine, database, 'Persist orders and fills', { protocol: 'tcp', authentication: 'password', data: ['orders', 'fills'] });
  t.flow(gateway, withdrawals, 'Forward withdrawal', {
    protocol: 'grpc',
    authentication: 'mtls',
    data: ['withdrawalRequest'],
    operation: ['withdraw'],
  });
  t.flow(withdrawals, signer, 'Sign withdrawal', { protocol: 'grpc', authentication: 'mtls', data: ['unsignedTx'] });
  t.flow(hotWallet, signer, 'Key material', { protocol: 'local', data: ['privateKey'] });
  t.flow(signer, rpc, 'Broadcast transaction', { protocol: 'https', data: ['signedTx'], mempool: 'public' });

  return t.model;
}
