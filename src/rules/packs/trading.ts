/**
 * The trading and exchange APIs pack: request signing and replay (AUTH), exchange API keys held by bots and
 * integrations (KEY), rate limits (RL), WebSocket and FIX sessions (WS, FIX), order flow and quotes (ORD, LP),
 * connectivity and failover (NET), monitoring and administration (MON). The rules live in ./trading/ by group
 * so each file stays readable; this file fixes their order in the pack. See docs/CATALOG.md.
 */
import type { RulePack } from '../types';
import { AUTH_RULES } from './trading/auth';
import { CONNECTIVITY_RULES } from './trading/connectivity';
import { KEY_RULES } from './trading/keys';
import { RATE_LIMIT_RULES } from './trading/limits';
import { MONITORING_RULES } from './trading/monitoring';
import { ORDER_RULES } from './trading/orders';
import { SESSION_RULES } from './trading/sessions';

export const TRADING_PACK: RulePack = {
  id: 'trading',
  name: 'Trading and exchange APIs',
  version: '1.0.0',
  description:
    'Exchange REST, WebSocket and FIX APIs as used by trading bots, market makers and venues: HMAC and asymmetric request signing, replay windows, API key scopes, IP allow-lists and rotation, rate limits and bans, session authentication, cancel-on-disconnect, idempotent order entry, risk controls, failover and monitoring.',
  rules: [
    ...AUTH_RULES,
    ...KEY_RULES,
    ...RATE_LIMIT_RULES,
    ...SESSION_RULES,
    ...ORDER_RULES,
    ...CONNECTIVITY_RULES,
    ...MONITORING_RULES,
  ],
};
