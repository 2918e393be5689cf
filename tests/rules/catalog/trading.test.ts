import { TRADING_PACK } from '../../../src/rules/packs/trading';
import { TRADING_FLOW_CASES } from './cases/tradingFlow';
import { TRADING_KEY_CASES } from './cases/tradingKeys';
import { TRADING_OPS_CASES } from './cases/tradingOps';
import { describeCases } from './run';

describeCases(TRADING_PACK, [...TRADING_KEY_CASES, ...TRADING_FLOW_CASES, ...TRADING_OPS_CASES]);
