import type { DeploymentKind } from '@/lib/domain/deployment-kind';
import type { DeploymentState } from '@/lib/domain/deployment-state';
import type { PhaseKind, PhaseStatus } from '@/lib/domain/phases';
import type { PublicStatus } from '@/lib/domain/public-status';
import type { ActorRole } from '@/lib/domain/rbac';
import type { GateDto } from './gates';
import type { ItemDto } from './items';
import type { HealthDto } from './metrics';

export type RoleDto = {
  key: string;
  name: string;
  isIc: boolean;
  readOnly: boolean;
  holders: { participantId: string; userId: string; name: string; email: string }[];
};

export type PhaseDto = {
  id: string;
  position: number;
  title: string;
  description: string;
  kind: PhaseKind;
  status: PhaseStatus;
  plannedStart: string | null;
  plannedStartMin: number | null;
  plannedDurationMin: number | null;
  startedAt: string | null;
  completedAt: string | null;
  items: ItemDto[];
};

/** The phase as the start and complete commands answer it. */
export type PhaseResult = {
  id: string;
  title: string;
  kind: PhaseKind;
  status: PhaseStatus;
  plannedStartMin: number | null;
  plannedDurationMin: number | null;
  startedAt: string | null;
  completedAt: string | null;
};

/** The whole state of one war room, as `GET /api/deployments/:id` returns it. */
export type DeploymentDto = {
  id: string;
  name: string;
  version: string;
  environment: string;
  strategy: string;
  goLiveAt: string;
  state: DeploymentState;
  heldFromState: DeploymentState | null;
  stateReason: string | null;
  seq: number;
  templateId: string | null;
  /** The template version this deployment was created from; later versions never change it. */
  templateVersion: number | null;
  allowSelfOverride: boolean;
  /** A rehearsal: runs like a go-live, marked REHEARSAL on every screen. */
  rehearsal: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  health: HealthDto;
  roles: RoleDto[];
  phases: PhaseDto[];
  gates: GateDto[];
  me: { userId: string; name: string; isAdmin: boolean; roles: ActorRole[] };
};

/**
 * The list carries every unfinished war room up to this many (they are few by nature: each is run
 * and finished; the cap keeps thousands planned and never run from making one huge answer).
 */
export const UNFINISHED_LIST_MAX = 500;

/**
 * `GET /api/deployments[?q=text][&kind=all|go-live|rehearsal][&finishedOffset=N]`: every unfinished
 * war room the caller takes part in (soonest go-live first), then a page of finished ones (most
 * recently finished first); with `q`, only those whose name, version or environment contains it
 * (any case); with `kind`, only real go-lives or only rehearsals.
 * `nextFinishedOffset`: ask again with it (and the same `q`) for older finished ones; null when
 * there are none.
 */
export type DeploymentListDto = { deployments: DeploymentSummary[]; nextFinishedOffset: number | null };

/**
 * What `GET /api/deployments` and the Deployments page were asked: a search (blank is all), real
 * go-lives or rehearsals or both (`?kind=`), and where the page of finished ones starts.
 */
export type DeploymentListQuery = { q: string; kind: DeploymentKind; finishedOffset: number };

/** One row of `GET /api/deployments`. */
export type DeploymentSummary = {
  id: string;
  name: string;
  version: string;
  environment: string;
  state: DeploymentState;
  goLiveAt: string;
  healthLevel: number;
  progress: { done: number; total: number };
  myRoles: string[];
  finishedAt: string | null;
  /** A rehearsal: the list marks it REHEARSAL, as every screen does. */
  rehearsal: boolean;
};

/** `GET /api/deployments/:id/wall`: the war-room wall's snapshot, the status page's shape with names. */
export type DeploymentWallDto = { status: PublicStatus };
