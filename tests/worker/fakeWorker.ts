/** A Worker stand-in for client tests: records what was posted and lets the test reply or fail. */
import type { WorkerLike } from '../../src/worker/client';
import type { AnalysisRequest, AnalysisResponse } from '../../src/worker/protocol';

export class FakeWorker implements WorkerLike {
  readonly posted: AnalysisRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  postMessage(message: AnalysisRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.posted.push(message);
  }

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Delivers a message from the "worker". */
  reply(data: AnalysisResponse | unknown): void {
    this.dispatch('message', { data } as unknown as Event);
  }

  /** What a browser does when a module worker fails to load or throws at top level. */
  fail(): void {
    this.dispatch('error', new Event('error'));
  }

  private dispatch(type: string, event: Event): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
