/** A small trading architecture seeded through window.rampart.loadDocument (STYLE.md: seed, don't click setup). */
export function seedModel(name = 'Bot on exchange') {
  const ids = {
    diagram: 'd-main',
    internet: 'b-internet',
    vpc: 'b-vpc',
    trader: 'e-trader',
    bot: 'e-bot',
    exchange: 'e-exchange',
    secrets: 'e-secrets',
    orders: 'f-orders',
    config: 'f-config',
    ui: 'f-ui',
  };
  const envelope = {
    format: 'rampart',
    version: 1,
    model: {
      id: 'm-bot',
      name,
      description: 'A trading bot with an exchange API key',
      owner: 'desk-security',
      diagrams: [{ id: ids.diagram, name: 'Main' }],
      boundaries: [
        { id: ids.internet, diagramId: ids.diagram, shape: 'zone', name: 'Internet', type: 'internet', parentId: null, position: { x: 560, y: 40 }, size: { width: 320, height: 260 }, props: {} },
        { id: ids.vpc, diagramId: ids.diagram, shape: 'zone', name: 'Bot VPC', type: 'cloudVpc', parentId: null, position: { x: 0, y: 0 }, size: { width: 480, height: 360 }, props: {} },
      ],
      elements: [
        { id: ids.trader, diagramId: ids.diagram, kind: 'actor', type: 'actor', name: 'Desk trader', boundaryId: null, position: { x: 60, y: 460 }, props: {} },
        { id: ids.bot, diagramId: ids.diagram, kind: 'process', type: 'tradingBot', name: 'Market-making bot', boundaryId: ids.vpc, position: { x: 60, y: 80 }, props: { keyPermissions: ['trade'], secretStorage: 'envFile' } },
        { id: ids.secrets, diagramId: ids.diagram, kind: 'store', type: 'secretStore', name: 'Key vault', boundaryId: ids.vpc, position: { x: 60, y: 240 }, props: { storesSecrets: true } },
        { id: ids.exchange, diagramId: ids.diagram, kind: 'actor', type: 'exchange', name: 'Exchange REST API', boundaryId: ids.internet, position: { x: 620, y: 120 }, props: {} },
      ],
      flows: [
        { id: ids.orders, source: ids.bot, target: ids.exchange, name: 'Signed orders', props: { protocol: 'https', authentication: 'hmac', operation: ['trade'], data: ['orders'], replayProtection: 'timestamp', timestampToleranceMs: 5000 } },
        { id: ids.config, source: ids.secrets, target: ids.bot, name: 'API secret', props: { data: ['apiSecret'], protocol: 'local' } },
        { id: ids.ui, source: ids.trader, target: ids.bot, name: 'Strategy settings', props: { protocol: 'http' } },
      ],
    },
  };
  return { ids, envelope };
}
