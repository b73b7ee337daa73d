/**
 * The gate rule: a go / no-go point opens only when every required role approved (quorum = all
 * required roles), any rejection holds it shut, and the IC may override it with a recorded reason.
 *
 * Counting rule, which the server and the UI must share:
 * - A sign-off counts while it is not withdrawn. Each person has at most one counting sign-off per
 *   role; if the data ever holds two, the newest counts.
 * - A role is approved when at least one of its holders approved and none of its holders rejected.
 * - One counting rejection, from any required role, makes the gate 'rejected'.
 * - Open and overridden latch: the go decision is on the timeline, so later data does not undo it.
 *
 * Distinct people: by default one person signs a gate for one role only (an auditor asks whether
 * each required role was approved by a different person), unless the template allows it for that
 * gate (`allowSameSigner`). Likewise the IC does not override a gate they signed themselves unless
 * the deployment allows it (`allowSelfOverride`).
 */

/** Mirrors the Prisma enums. */
export type GateStatus = 'waiting' | 'open' | 'rejected' | 'overridden';
export type GateKind = 'gate' | 'checkpoint';
export type SignoffDecision = 'approve' | 'reject';

export type Signoff = {
  id: string;
  roleKey: string;
  userId: string;
  decision: SignoffDecision;
  comment?: string | null;
  createdAt?: Date;
  /** Either flag marks a withdrawn sign-off; Prisma rows carry `withdrawnAt`. */
  withdrawn?: boolean;
  withdrawnAt?: Date | null;
};

export type GateInput = {
  requiredRoles: readonly string[];
  signoffs: readonly Signoff[];
  /** Set when the IC overrode the gate. */
  overrideReason?: string | null;
  /** The stored status; open and overridden latch. */
  status: GateStatus;
  /** One person may sign for several of the required roles (from the template; default no). */
  allowSameSigner?: boolean;
};

/** Names for messages and tables; a missing name falls back to the key. */
export type NameLookup = Readonly<Record<string, string>>;

export type Refusal<Code extends string> = { ok: false; code: Code; message: string };

const nameOf = (names: NameLookup | undefined, key: string) => names?.[key] ?? key;

export function isCounting(s: Signoff): boolean {
  return !s.withdrawn && !s.withdrawnAt;
}

/** True when the gate no longer takes sign-offs: the decision has been made. */
export function isClosed(status: GateStatus): boolean {
  return status === 'open' || status === 'overridden';
}

/** The sign-offs that count: not withdrawn, for a required role, newest per (role, person). */
export function countingSignoffs(requiredRoles: readonly string[], signoffs: readonly Signoff[]): Signoff[] {
  const latest = new Map<string, Signoff>();
  signoffs.forEach((s) => {
    if (!isCounting(s) || !requiredRoles.includes(s.roleKey)) return;
    const key = `${s.roleKey}\u0000${s.userId}`;
    const seen = latest.get(key);
    // Without timestamps, array order decides: a later element is newer.
    if (!seen || !seen.createdAt || !s.createdAt || s.createdAt >= seen.createdAt) latest.set(key, s);
  });
  return [...latest.values()];
}

/** Per required role: approved, rejected or still pending. */
export function roleDecisions(requiredRoles: readonly string[], signoffs: readonly Signoff[]) {
  const counting = countingSignoffs(requiredRoles, signoffs);
  return requiredRoles.map((roleKey) => {
    const mine = counting.filter((s) => s.roleKey === roleKey);
    const decision: SignoffDecision | 'pending' = mine.some((s) => s.decision === 'reject')
      ? 'reject'
      : mine.some((s) => s.decision === 'approve')
        ? 'approve'
        : 'pending';
    return { roleKey, decision };
  });
}

export function gateStatus(gate: GateInput): GateStatus {
  if (isClosed(gate.status)) return gate.status;
  if (gate.overrideReason?.trim()) return 'overridden';
  const decisions = roleDecisions(gate.requiredRoles, gate.signoffs);
  if (decisions.some((d) => d.decision === 'reject')) return 'rejected';
  // A gate that names no role has nobody to approve it: it waits for the IC to override.
  if (decisions.length > 0 && decisions.every((d) => d.decision === 'approve')) return 'open';
  return 'waiting';
}

/** Required roles that have not approved yet (pending or rejected), in the gate's order. */
export function missingRoles(gate: Pick<GateInput, 'requiredRoles' | 'signoffs'>): string[] {
  return roleDecisions(gate.requiredRoles, gate.signoffs)
    .filter((d) => d.decision !== 'approve')
    .map((d) => d.roleKey);
}

export type SignoffRequest = {
  gate: GateInput & { title?: string };
  signer: { userId: string; roleKeys: readonly string[] };
  /** The role signed as; needed only when the signer holds several of the required roles. */
  roleKey?: string | null;
  decision: SignoffDecision;
  comment?: string | null;
  roleNames?: NameLookup;
};

export type SignoffRefusalCode =
  | 'gate_closed'
  | 'not_a_signer'
  | 'role_required'
  | 'role_not_held'
  | 'role_not_required'
  | 'comment_required'
  | 'already_signed'
  | 'same_signer';

export type SignoffCheck =
  /** `supersedes`: the signer's earlier sign-off for this role, to withdraw in the same transaction. */
  { ok: true; roleKey: string; supersedes: string | null } | Refusal<SignoffRefusalCode>;

function gateName(gate: { title?: string }): string {
  return gate.title ? `Gate '${gate.title}'` : 'This gate';
}

function closedMessage(gate: { title?: string }, status: GateStatus): string {
  return `${gateName(gate)} is already ${status}: the decision is made and sign-offs are closed`;
}

function listAnd(words: readonly string[], join = 'and'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${join} ${words[words.length - 1]}`;
}

/**
 * Whether this person may approve or reject now. Changing one's mind is a new sign-off that
 * supersedes the old one (the server withdraws it), so nobody has to withdraw first mid-incident.
 */
export function checkSignoff(req: SignoffRequest): SignoffCheck {
  const { gate, signer, roleNames } = req;
  const status = gateStatus(gate);
  if (isClosed(status)) return { ok: false, code: 'gate_closed', message: closedMessage(gate, status) };

  const held = gate.requiredRoles.filter((r) => signer.roleKeys.includes(r));
  const names = (keys: readonly string[]) => keys.map((k) => nameOf(roleNames, k));
  let roleKey: string;
  if (req.roleKey) {
    if (!gate.requiredRoles.includes(req.roleKey)) {
      return {
        ok: false,
        code: 'role_not_required',
        message: `${gateName(gate)} does not need ${nameOf(roleNames, req.roleKey)}'s sign-off; it needs ${listAnd(names(gate.requiredRoles))}`,
      };
    }
    if (!signer.roleKeys.includes(req.roleKey)) {
      return {
        ok: false,
        code: 'role_not_held',
        message: `You do not hold the ${nameOf(roleNames, req.roleKey)} role, so you cannot sign as ${nameOf(roleNames, req.roleKey)}`,
      };
    }
    roleKey = req.roleKey;
  } else if (held.length === 1) {
    roleKey = held[0];
  } else if (held.length > 1) {
    return {
      ok: false,
      code: 'role_required',
      message: `You hold ${listAnd(names(held))}: choose which role you are signing as`,
    };
  } else {
    return {
      ok: false,
      code: 'not_a_signer',
      message: `${gateName(gate)} needs a sign-off from ${listAnd(names(gate.requiredRoles), 'or')}; you hold none of these roles`,
    };
  }

  const other = otherRoleSigned(gate, signer.userId, roleKey);
  if (other) {
    return {
      ok: false,
      code: 'same_signer',
      message: `${gateName(gate)} needs a different person for each role: you already signed for ${nameOf(roleNames, other)}, so someone else must sign as ${nameOf(roleNames, roleKey)}`,
    };
  }

  if (req.decision === 'reject' && !req.comment?.trim()) {
    return {
      ok: false,
      code: 'comment_required',
      message: 'A rejection needs a comment: say what must change before this gate can open',
    };
  }

  const previous = countingSignoffs(gate.requiredRoles, gate.signoffs).find(
    (s) => s.roleKey === roleKey && s.userId === signer.userId,
  );
  if (previous && previous.decision === req.decision) {
    const verb = req.decision === 'approve' ? 'approved' : 'rejected';
    return { ok: false, code: 'already_signed', message: `You already ${verb} as ${nameOf(roleNames, roleKey)}` };
  }
  return { ok: true, roleKey, supersedes: previous?.id ?? null };
}

/**
 * The other required role this person already has a counting sign-off for, when the gate wants
 * distinct people; null when they may sign `roleKey` (or the gate allows one person for several).
 */
export function otherRoleSigned(
  gate: Pick<GateInput, 'requiredRoles' | 'signoffs' | 'allowSameSigner'>,
  userId: string,
  roleKey: string,
): string | null {
  if (gate.allowSameSigner) return null;
  const other = countingSignoffs(gate.requiredRoles, gate.signoffs).find(
    (s) => s.userId === userId && s.roleKey !== roleKey,
  );
  return other?.roleKey ?? null;
}

export type WithdrawRefusalCode = 'not_own' | 'already_withdrawn' | 'gate_closed';

/** Withdrawing is for one's own sign-off, and only while the gate is still undecided. */
export function checkWithdraw(req: {
  gate: GateInput & { title?: string };
  signoff: Signoff;
  userId: string;
}): { ok: true } | Refusal<WithdrawRefusalCode> {
  const { gate, signoff } = req;
  if (signoff.userId !== req.userId) {
    return { ok: false, code: 'not_own', message: 'You can only withdraw your own sign-off' };
  }
  if (!isCounting(signoff))
    return { ok: false, code: 'already_withdrawn', message: 'This sign-off is already withdrawn' };
  const status = gateStatus(gate);
  if (isClosed(status)) {
    return {
      ok: false,
      code: 'gate_closed',
      message: `${gateName(gate)} is already ${status}: a sign-off cannot be withdrawn after the decision`,
    };
  }
  return { ok: true };
}

export type OverrideRefusalCode = 'gate_closed' | 'reason_required' | 'self_override';

/**
 * The IC's override: only for an undecided (waiting or rejected) gate, always with a reason, and
 * not by someone who signed it themselves unless the deployment allows that (`allowSelfOverride`):
 * otherwise one person could approve as a role and then wave the rest through.
 */
export function checkOverride(req: {
  gate: GateInput & { title?: string };
  reason?: string | null;
  /** Who overrides; omitted, the self-override rule is not checked. */
  overriderId?: string;
  allowSelfOverride?: boolean;
  roleNames?: NameLookup;
}): { ok: true } | Refusal<OverrideRefusalCode> {
  const status = gateStatus(req.gate);
  if (isClosed(status))
    return {
      ok: false,
      code: 'gate_closed',
      message: `${gateName(req.gate)} is already ${status}: there is nothing to override`,
    };
  const own =
    req.overriderId && !req.allowSelfOverride
      ? countingSignoffs(req.gate.requiredRoles, req.gate.signoffs).find((s) => s.userId === req.overriderId)
      : undefined;
  if (own) {
    return {
      ok: false,
      code: 'self_override',
      message: `You signed ${gateName(req.gate)
        .replace(/^Gate/, 'gate')
        .replace(
          /^This gate/,
          'this gate',
        )} yourself (as ${nameOf(req.roleNames, own.roleKey)}), so you cannot also override it; another incident commander or an admin can, or the deployment must allow self-override`,
    };
  }
  if (!req.reason?.trim()) {
    return {
      ok: false,
      code: 'reason_required',
      message: 'An override needs a reason: it goes on the timeline and into the report',
    };
  }
  return { ok: true };
}

export type SignoffRow = {
  roleKey: string;
  role: string;
  userId: string | null;
  name: string | null;
  decision: SignoffDecision | 'pending';
  at: Date | null;
  comment: string | null;
};

/**
 * The sign-off table as runbooks print it (Role | Name | Decision | Time): one row per counting
 * sign-off, grouped by required role in the gate's order, and a 'pending' row for each role nobody
 * has signed for yet. Withdrawn sign-offs are left out; the timeline keeps them.
 */
export function signoffTable(input: {
  requiredRoles: readonly string[];
  signoffs: readonly Signoff[];
  roleNames?: NameLookup;
  userNames?: NameLookup;
}): SignoffRow[] {
  const counting = countingSignoffs(input.requiredRoles, input.signoffs);
  return input.requiredRoles.flatMap((roleKey): SignoffRow[] => {
    const role = nameOf(input.roleNames, roleKey);
    const mine = counting
      .filter((s) => s.roleKey === roleKey)
      .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
    if (mine.length === 0)
      return [{ roleKey, role, userId: null, name: null, decision: 'pending', at: null, comment: null }];
    return mine.map((s) => ({
      roleKey,
      role,
      userId: s.userId,
      name: nameOf(input.userNames, s.userId),
      decision: s.decision,
      at: s.createdAt ?? null,
      comment: s.comment ?? null,
    }));
  });
}

export const DECISION_LABEL: Record<SignoffDecision | 'pending', string> = {
  approve: 'Approved',
  reject: 'Rejected',
  pending: 'Pending',
};
