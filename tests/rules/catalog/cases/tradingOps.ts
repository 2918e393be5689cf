/**
 * Cases for the trading pack's connectivity (NET) and monitoring (MON) rules.
 */
import { botToVenue, doc, exposedApi } from '../build';
import type { RuleCase } from './types';

/** An operator using the admin console, from the internet or from inside the corporate network. */
const adminConsole = (fromInternet: boolean, consoleProps = {}) =>
  doc()
    .zone('net', 'internet')
    .zone('corp', 'corporate')
    .actor('operator', 'actor', {}, fromInternet ? 'net' : 'corp')
    .process('admin', 'adminConsole', consoleProps, 'corp')
    .flow('operator', 'admin', { protocol: 'https', authentication: 'sso' });

export const TRADING_OPS_CASES: RuleCase[] = [
  {
    rule: 'NET-01', name: 'certificate verification off', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { tlsVerify: false }).build(),
    close: { mitigation: 'verify-certificates' },
  },
  {
    rule: 'NET-02', name: 'weaker backup route', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { isFailoverPath: true, sameControlsAsPrimary: false }).build(),
    close: { mitigation: 'equivalent-failover' },
  },
  {
    rule: 'NET-03', name: 'endpoints from remote config', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ dynamicEndpointDiscovery: true, endpointAllowlist: false }).build(),
    close: { mitigation: 'pin-endpoints' },
  },
  {
    rule: 'NET-04', name: 'risk check fails open', target: 'risk', confidence: 'confirmed',
    build: () => doc().process('risk', 'riskEngine', { failOpen: true }).build(),
    close: { mitigation: 'fail-closed' },
  },
  {
    rule: 'NET-05', name: 'automatic failover without re-sync', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ failover: 'automatic', stateReconciliation: false }).build(),
    close: { mitigation: 'reconcile-after-failover' },
  },
  {
    rule: 'NET-06', name: 'auto failover onto a cleartext backup', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ autoFailover: true }).actor('backup', 'exchange', {}, 'net')
      .flow('bot', 'backup', { protocol: 'http', isFailoverPath: true }).build(),
    close: { mitigation: 'human-approved-failover' },
  },
  {
    rule: 'NET-06', name: 'backup path equivalence not recorded', target: 'bot', confidence: 'unverified',
    build: () => botToVenue({ failover: 'automatic' }).flow('bot', 'venue', { protocol: 'https', isFailoverPath: true }, 'backup-route').build(),
    close: { patch: { 'backup-route': { sameControlsAsPrimary: true } }, because: 'the backup route has the primary\'s controls' },
  },

  {
    rule: 'MON-01', name: 'gateway without anomaly detection', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ anomalyDetection: false }).build(),
    close: { mitigation: 'baseline-and-alert' },
  },
  {
    rule: 'MON-02', name: 'withdrawal service logs locally', target: 'wd', confidence: 'confirmed',
    build: () => doc().process('wd', 'withdrawalService', { logging: 'local' }).build(),
    close: { mitigation: 'central-audit-log' },
  },
  {
    rule: 'MON-03', name: 'internal console without MFA', target: 'admin', confidence: 'confirmed',
    build: () => adminConsole(false, { mfa: false }).build(),
    close: { mitigation: 'zero-trust-access' },
  },
  {
    rule: 'MON-03', name: 'console reachable from the internet even with MFA', target: 'admin', confidence: 'confirmed',
    build: () => adminConsole(true, { mfa: true }).build(),
    close: { rebuild: () => adminConsole(false, { mfa: true }).build(), because: 'operators reach it from inside the corporate network' },
  },
  {
    rule: 'MON-04', name: 'limits changed by one person', target: 'risk', confidence: 'confirmed',
    build: () => doc().process('risk', 'riskEngine', { dualControl: false }).build(),
    close: { mitigation: 'four-eyes' },
  },
  {
    rule: 'MON-04', name: 'withdrawal limits edited without a second approver', target: 'wd', confidence: 'unverified',
    build: () => doc().process('wd', 'withdrawalService', { handles: ['withdrawal', 'withdrawalLimits'] }).build(),
    close: { mitigation: 'four-eyes' },
  },
  {
    rule: 'MON-06', name: 'exposed gateway without threat intelligence', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ threatIntel: false }).build(),
    close: { mitigation: 'screen-with-intel' },
  },
  {
    rule: 'MON-06', name: 'withdrawal requests unscreened', target: 'wd', confidence: 'unverified',
    build: () => doc().process('api', 'apiGateway').process('wd', 'withdrawalService').flow('api', 'wd', { data: ['withdrawalRequest'] }).build(),
    close: { mitigation: 'screen-with-intel' },
  },
  {
    rule: 'MON-07', name: 'bot dependencies not pinned', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ dependencyPinning: false }).build(),
    close: { mitigation: 'pin-dependencies' },
  },
];
