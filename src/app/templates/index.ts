/** The model templates offered by the library. Each call builds a fresh model with new ids. */
import type { ThreatModel } from '../../model/types';
import { buildBlankStrideTemplate } from './blankStride';
import { buildCryptoExchangeTemplate } from './cryptoExchange';
import { buildTradingBotTemplate } from './tradingBot';

export interface ModelTemplate {
  id: string;
  name: string;
  description: string;
  build(): ThreatModel;
}

export const TEMPLATES: readonly ModelTemplate[] = [
  {
    id: 'crypto-exchange-api',
    name: 'Crypto exchange API',
    description: 'Trader, API gateway, matching engine, WebSocket market data, withdrawals and a signing zone with the hot wallet.',
    build: buildCryptoExchangeTemplate,
  },
  {
    id: 'trading-bot',
    name: 'Trading bot on an exchange',
    description: 'A bot on a VPS with a venue API key: key storage and permissions, signed REST orders, market and user data streams.',
    build: buildTradingBotTemplate,
  },
  {
    id: 'blank-stride',
    name: 'Blank STRIDE model',
    description: 'General STRIDE per element, with a three-element context diagram to start from.',
    build: buildBlankStrideTemplate,
  },
];

export function getTemplate(id: string): ModelTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
