'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { useDeploymentLive, type LiveStatus } from '@/lib/realtime/client/use-deployment-live';
import type { PresenceEntry } from '@/lib/realtime/protocol/events';
import { useDeployment } from './use-deployment';

/** `presence` names at most PRESENCE_LIST_MAX people (role holders first); `onlineCount` counts all. */
type WarRoom = { deployment: DeploymentDto; status: LiveStatus; presence: PresenceEntry[]; onlineCount: number };

const WarRoomContext = createContext<WarRoom | null>(null);

export function useWarRoom(): WarRoom {
  const value = useContext(WarRoomContext);
  if (!value) throw new Error('useWarRoom must be used inside <WarRoomProvider>');
  return value;
}

/** Holds one deployment's live state for every panel of the page. */
export function WarRoomProvider({ initial, children }: { initial: DeploymentDto; children: ReactNode }) {
  const data = useDeployment(initial);
  const { status, presence, onlineCount } = useDeploymentLive(initial.id, initial.seq);
  return (
    <WarRoomContext.Provider value={{ deployment: data, status, presence, onlineCount }}>
      {children}
    </WarRoomContext.Provider>
  );
}
