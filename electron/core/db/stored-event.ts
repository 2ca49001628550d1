import type { StreamEvent } from '../../../shared/central/stream';

/**
 * A stream event the cache stores (everything but `reset`). In a file of its own so that the
 * batch packer and the event applier can both name it without importing each other.
 */
export type StoredEvent = Exclude<StreamEvent, { type: 'reset' }>;
