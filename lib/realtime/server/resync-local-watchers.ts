import { readDeploymentSeqs } from '@/lib/server/deployments/read-deployment-seqs';
import { deploymentOfRoom, deploymentRoom } from '../protocol/events';
import type { IoServer } from './io-server';
import { announcePresence } from './presence';
import { refreshLocalPublicWatchers } from './public-status-server';

/**
 * While Redis was away, events committed on other processes never reached this process's
 * watchers, and what those processes queued meanwhile may have been flushed before this one
 * subscribed again. A watcher only notices a gap when a later event arrives — which, in a quiet
 * moment, may be never. So once the subscription is back, every local watcher is told each
 * deployment's latest event number and fetches what it is missing.
 */
export async function resyncLocalWatchers(io: IoServer) {
  const deploymentIds = [...io.of('/').adapter.rooms.keys()]
    .map(deploymentOfRoom)
    .filter((id): id is string => id !== null);
  const seqs = await readDeploymentSeqs(deploymentIds);
  for (const [deploymentId, seq] of seqs) {
    io.local.to(deploymentRoom(deploymentId)).emit('deployment:resync', { deploymentId, seq });
    // Presence counted while Redis was down left out the other processes' watchers.
    announcePresence(io, deploymentId);
  }
  await refreshLocalPublicWatchers(io);
}
