import { OWASP_API_PACK } from '../../../src/rules/packs/owaspApi';
import { OWASP_API_CASES } from './cases/owaspApi';
import { describeCases } from './run';

describeCases(OWASP_API_PACK, OWASP_API_CASES);
