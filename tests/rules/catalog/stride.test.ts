import { STRIDE_PACK } from '../../../src/rules/packs/stride';
import { STRIDE_CASES } from './cases/stride';
import { describeCases } from './run';

describeCases(STRIDE_PACK, STRIDE_CASES);
