import { MemoryEventStore } from './memory-event-store';
import { describeEventStoreConformance } from './testing/conformance';

describeEventStoreConformance('MemoryEventStore', async ({ clock }) => {
  const store = new MemoryEventStore({ clock });
  return { store, cleanup: () => store.close() };
});
