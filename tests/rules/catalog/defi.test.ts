import { DEFI_PACK } from '../../../src/rules/packs/defi';
import { DEFI_CASES } from './cases/defi';
import { describeCases } from './run';

describeCases(DEFI_PACK, DEFI_CASES);
