/**
 * The analysis worker entry: a switch over the request union. The engine state lives in the session, which the
 * main-thread fallback in client.ts uses as well.
 */
import type { AnalysisRequest, AnalysisResponse } from './protocol';
import { createReplySession } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = createReplySession();

function handle(request: AnalysisRequest): AnalysisResponse {
  switch (request.type) {
    case 'analyze':
      return session.answer(request);
    default:
      return unreachable(request.type);
  }
}

function unreachable(value: never): never {
  throw new Error(`unknown request ${String(value)}`);
}

scope.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  scope.postMessage(handle(event.data));
});
