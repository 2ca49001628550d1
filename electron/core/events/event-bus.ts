import type { Unsubscribe } from '../../../shared/api/console-api';
import type { EventName, EventPayload } from '../../../shared/api/registry';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Fans core events out to every attached transport (each window, each headless socket). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) listener(event, payload);
  }

  subscribe(listener: EventListener): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
