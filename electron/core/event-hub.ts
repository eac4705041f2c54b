import type { EventName, EventPayload } from '../contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Fans events out to every subscriber: each window (and each browser-mode connection) subscribes
 * once, so several windows can watch the same stream.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // One broken subscriber (a closed window) must not stop the others.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
