/**
 * Background work of this process (metric polling, the simulator, webhook deliveries). Each
 * worker registers here; server.ts starts them after the database is ready and stops them on
 * shutdown.
 */
type Worker = { name: string; start: () => Promise<() => Promise<void>> };

const workers: Worker[] = [];

export function registerWorker(worker: Worker) {
  workers.push(worker);
}

export async function startBackgroundWork(): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const worker of workers) stops.push(await worker.start());
  return async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
}
