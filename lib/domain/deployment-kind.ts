import { parseChoice } from './choice';

/** Which war rooms the Deployments page lists: real go-lives, rehearsals, or both (`?kind=`). */
export const DEPLOYMENT_KINDS = ['all', 'go-live', 'rehearsal'] as const;
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];

/** `?kind=`: absent is all; anything not in DEPLOYMENT_KINDS is undefined. */
export const parseDeploymentKind = (raw: string | null | undefined) => parseChoice(raw, DEPLOYMENT_KINDS, 'all');

const LABELS: Record<DeploymentKind, string> = {
  all: 'Go-lives and rehearsals',
  'go-live': 'Go-lives only',
  rehearsal: 'Rehearsals only',
};

export const deploymentKindLabel = (kind: DeploymentKind) => LABELS[kind];
