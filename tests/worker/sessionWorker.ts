/**
 * A Worker stand-in that runs the real reply session, cloning messages both ways as postMessage does. Requests
 * wait until the test calls `deliver()`, so tests control when replies arrive.
 */
import type { WorkerLike } from '../../src/worker/client';
import type { AnalysisRequest, AnalysisResponse } from '../../src/worker/protocol';
import { createReplySession } from '../../src/worker/session';

export class SessionWorker implements WorkerLike {
  readonly requests: AnalysisRequest[] = [];
  readonly replies: AnalysisResponse[] = [];
  private readonly session = createReplySession();
  private readonly waiting: AnalysisRequest[] = [];
  private readonly listeners: ((event: Event) => void)[] = [];

  postMessage(message: AnalysisRequest): void {
    const copy = structuredClone(message);
    this.requests.push(copy);
    this.waiting.push(copy);
  }

  addEventListener(type: string, listener: (event: Event) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }

  terminate(): void {}

  /** Answers the oldest waiting request; false when none waits. */
  deliver(): boolean {
    const request = this.waiting.shift();
    if (request === undefined) return false;
    const reply = structuredClone(this.session.answer(request));
    this.replies.push(reply);
    for (const listener of this.listeners) listener({ data: reply } as unknown as Event);
    return true;
  }
}
