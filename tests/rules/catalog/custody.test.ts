import { CUSTODY_PACK } from '../../../src/rules/packs/custody';
import { CUSTODY_CASES } from './cases/custody';
import { describeCases } from './run';

describeCases(CUSTODY_PACK, CUSTODY_CASES);
