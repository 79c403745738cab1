// A tiny synchronous event bus: subscribers get every AgentEvent in order. A throwing
// subscriber is isolated so one broken view cannot stop the agent.
import type { AgentEvent } from './events';

export interface EventBus {
  emit(event: AgentEvent): void;
  subscribe(fn: (event: AgentEvent) => void): () => void;
}

export function createEventBus(onSubscriberError?: (err: unknown) => void): EventBus {
  const subscribers = new Set<(event: AgentEvent) => void>();
  return {
    emit(event) {
      for (const fn of [...subscribers]) {
        try {
          fn(event);
        } catch (err) {
          onSubscriberError?.(err);
        }
      }
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
  };
}
