import { describe, expect, it } from 'vitest';
import {
  checkOverride,
  checkSignoff,
  checkWithdraw,
  gateStatus,
  signoffTable,
  type GateInput,
  type Signoff,
} from './gates';

const roleNames = { dba: 'DBA', qa: 'QA Lead', devops: 'DevOps' };
const at = (hhmm: string) => new Date(`2026-01-15T${hhmm}:00Z`);

let nextId = 0;
const approve = (roleKey: string, userId: string, time = '06:00'): Signoff => ({
  id: `s${++nextId}`,
  roleKey,
  userId,
  decision: 'approve',
  createdAt: at(time),
});
const reject = (roleKey: string, userId: string, time = '06:00'): Signoff => ({
  id: `s${++nextId}`,
  roleKey,
  userId,
  decision: 'reject',
  comment: 'p95 too high',
  createdAt: at(time),
});

const gate = (signoffs: Signoff[], extra: Partial<GateInput> = {}): GateInput & { title: string } => ({
  title: 'Go/No-Go',
  requiredRoles: ['dba', 'qa'],
  signoffs,
  status: 'waiting',
  ...extra,
});

describe('gateStatus: quorum is every required role', () => {
  it('waits until every required role has approved', () => {
    expect(gateStatus(gate([]))).toBe('waiting');
    expect(gateStatus(gate([approve('dba', 'ann')]))).toBe('waiting');
    expect(gateStatus(gate([approve('dba', 'ann'), approve('qa', 'bob')]))).toBe('open');
  });

  it('one holder of a role is enough for that role', () => {
    expect(gateStatus(gate([approve('dba', 'ann'), approve('dba', 'cid'), approve('qa', 'bob')]))).toBe('open');
  });

  it('sign-offs for roles the gate does not need do not count', () => {
    expect(gateStatus(gate([approve('dba', 'ann'), approve('devops', 'dan')]))).toBe('waiting');
    expect(gateStatus(gate([approve('dba', 'ann'), approve('qa', 'bob'), reject('devops', 'dan')]))).toBe('open');
  });

  it('any active rejection holds the gate, even if another holder of that role approved', () => {
    expect(gateStatus(gate([approve('dba', 'ann'), approve('qa', 'bob'), reject('qa', 'eve')]))).toBe('rejected');
  });

  it('a withdrawn sign-off no longer counts', () => {
    const withdrawnReject = { ...reject('qa', 'eve'), withdrawnAt: at('06:10') };
    expect(gateStatus(gate([approve('dba', 'ann'), approve('qa', 'bob'), withdrawnReject]))).toBe('open');
    const withdrawnApprove = { ...approve('qa', 'bob'), withdrawn: true };
    expect(gateStatus(gate([approve('dba', 'ann'), withdrawnApprove]))).toBe('waiting');
  });

  it("a person's newest sign-off for a role wins", () => {
    expect(gateStatus(gate([approve('dba', 'ann'), reject('qa', 'bob', '06:00'), approve('qa', 'bob', '06:05')]))).toBe(
      'open',
    );
    expect(gateStatus(gate([approve('dba', 'ann'), approve('qa', 'bob', '06:05'), reject('qa', 'bob', '06:00')]))).toBe(
      'open',
    );
  });

  it('override opens it regardless of sign-offs; open and overridden stay decided', () => {
    expect(gateStatus(gate([reject('qa', 'eve')], { overrideReason: 'QA signed off by phone' }))).toBe('overridden');
    expect(gateStatus(gate([reject('qa', 'eve')], { status: 'open' }))).toBe('open');
    expect(gateStatus(gate([], { status: 'overridden', overrideReason: 'x' }))).toBe('overridden');
  });

  it('a rejected gate reopens for approval once the rejection is withdrawn', () => {
    const r = { ...reject('qa', 'eve'), withdrawn: true };
    expect(gateStatus(gate([approve('dba', 'ann'), approve('qa', 'eve'), r], { status: 'rejected' }))).toBe('open');
  });

  it('a gate naming no role never opens by itself', () => {
    expect(gateStatus(gate([], { requiredRoles: [] }))).toBe('waiting');
  });
});

describe('checkSignoff', () => {
  const dbaOnly = { userId: 'ann', roleKeys: ['dba', 'devops'] };
  const both = { userId: 'cid', roleKeys: ['dba', 'qa'] };

  it('signs as the one required role the signer holds', () => {
    expect(checkSignoff({ gate: gate([]), signer: dbaOnly, decision: 'approve' })).toEqual({
      ok: true,
      roleKey: 'dba',
      supersedes: null,
    });
  });

  it('asks which role when the signer holds several required roles', () => {
    const refused = checkSignoff({ gate: gate([]), signer: both, decision: 'approve', roleNames });
    expect(refused).toEqual({
      ok: false,
      code: 'role_required',
      message: 'You hold DBA and QA Lead: choose which role you are signing as',
    });
    expect(checkSignoff({ gate: gate([]), signer: both, roleKey: 'qa', decision: 'approve' })).toMatchObject({
      ok: true,
      roleKey: 'qa',
    });
  });

  it('refuses people who hold none of the required roles, or name a role they lack', () => {
    const outsider = { userId: 'dan', roleKeys: ['devops'] };
    expect(checkSignoff({ gate: gate([]), signer: outsider, decision: 'approve', roleNames })).toEqual({
      ok: false,
      code: 'not_a_signer',
      message: "Gate 'Go/No-Go' needs a sign-off from DBA or QA Lead; you hold none of these roles",
    });
    expect(checkSignoff({ gate: gate([]), signer: dbaOnly, roleKey: 'qa', decision: 'approve' })).toMatchObject({
      code: 'role_not_held',
    });
    expect(checkSignoff({ gate: gate([]), signer: dbaOnly, roleKey: 'devops', decision: 'approve' })).toMatchObject({
      code: 'role_not_required',
    });
  });

  it('a rejection needs a comment', () => {
    expect(checkSignoff({ gate: gate([]), signer: dbaOnly, decision: 'reject', comment: '  ' })).toMatchObject({
      code: 'comment_required',
    });
    expect(checkSignoff({ gate: gate([]), signer: dbaOnly, decision: 'reject', comment: 'replica lag 40 s' }).ok).toBe(
      true,
    );
  });

  it('an open or overridden gate takes no more sign-offs', () => {
    const open = gate([approve('dba', 'ann'), approve('qa', 'bob')]);
    expect(checkSignoff({ gate: open, signer: dbaOnly, decision: 'reject', comment: 'late' })).toMatchObject({
      code: 'gate_closed',
    });
    const overridden = gate([], { status: 'overridden', overrideReason: 'IC call' });
    expect(checkSignoff({ gate: overridden, signer: dbaOnly, decision: 'approve' })).toMatchObject({
      code: 'gate_closed',
    });
  });

  it('a rejected gate still takes sign-offs, and a change of mind supersedes the old one', () => {
    const mine = reject('dba', 'ann');
    const result = checkSignoff({ gate: gate([mine], { status: 'rejected' }), signer: dbaOnly, decision: 'approve' });
    expect(result).toEqual({ ok: true, roleKey: 'dba', supersedes: mine.id });
  });

  it('signing the same decision twice is refused', () => {
    expect(
      checkSignoff({ gate: gate([approve('dba', 'ann')]), signer: dbaOnly, decision: 'approve', roleNames }),
    ).toEqual({
      ok: false,
      code: 'already_signed',
      message: 'You already approved as DBA',
    });
  });
});

describe('distinct people per gate', () => {
  const both = { userId: 'cid', roleKeys: ['dba', 'qa'] };

  it('one person signs a gate for one role only, and is told which role they already signed for', () => {
    const signed = gate([approve('dba', 'cid')]);
    expect(checkSignoff({ gate: signed, signer: both, roleKey: 'qa', decision: 'approve', roleNames })).toEqual({
      ok: false,
      code: 'same_signer',
      message:
        "Gate 'Go/No-Go' needs a different person for each role: you already signed for DBA, so someone else must sign as QA Lead",
    });
    // A rejection for another role is a decision too.
    expect(
      checkSignoff({
        gate: gate([reject('dba', 'cid')], { status: 'rejected' }),
        signer: both,
        roleKey: 'qa',
        decision: 'reject',
        comment: 'no',
        roleNames,
      }),
    ).toMatchObject({ code: 'same_signer' });
  });

  it('the same role again is a change of mind, not a second person, and a withdrawn sign-off frees the person', () => {
    const mine = reject('dba', 'cid');
    expect(
      checkSignoff({ gate: gate([mine], { status: 'rejected' }), signer: both, roleKey: 'dba', decision: 'approve' }),
    ).toEqual({ ok: true, roleKey: 'dba', supersedes: mine.id });
    const withdrawn = { ...approve('dba', 'cid'), withdrawnAt: at('06:05') };
    expect(checkSignoff({ gate: gate([withdrawn]), signer: both, roleKey: 'qa', decision: 'approve' })).toMatchObject({
      ok: true,
      roleKey: 'qa',
    });
  });

  it('another person signing the other role is fine, and a gate may allow one person for several roles', () => {
    expect(
      checkSignoff({ gate: gate([approve('dba', 'ann')]), signer: both, roleKey: 'qa', decision: 'approve' }),
    ).toMatchObject({ ok: true });
    expect(
      checkSignoff({
        gate: gate([approve('dba', 'cid')], { allowSameSigner: true }),
        signer: both,
        roleKey: 'qa',
        decision: 'approve',
      }),
    ).toMatchObject({ ok: true, roleKey: 'qa' });
  });

  it('the IC may not override a gate they signed, unless the deployment allows it', () => {
    const signed = gate([approve('dba', 'iris')]);
    expect(checkOverride({ gate: signed, reason: 'x', overriderId: 'iris', roleNames })).toEqual({
      ok: false,
      code: 'self_override',
      message:
        "You signed gate 'Go/No-Go' yourself (as DBA), so you cannot also override it; another incident commander or an admin can, or the deployment must allow self-override",
    });
    expect(checkOverride({ gate: signed, reason: 'x', overriderId: 'iris', allowSelfOverride: true })).toEqual({
      ok: true,
    });
    expect(checkOverride({ gate: signed, reason: 'x', overriderId: 'bob' })).toEqual({ ok: true });
    expect(
      checkOverride({
        gate: gate([{ ...approve('dba', 'iris'), withdrawnAt: at('06:01') }]),
        reason: 'x',
        overriderId: 'iris',
      }),
    ).toEqual({ ok: true });
  });
});

describe('checkWithdraw', () => {
  it('only your own sign-off, only once', () => {
    const s = approve('dba', 'ann');
    expect(checkWithdraw({ gate: gate([s]), signoff: s, userId: 'ann' })).toEqual({ ok: true });
    expect(checkWithdraw({ gate: gate([s]), signoff: s, userId: 'bob' })).toMatchObject({ code: 'not_own' });
    const gone = { ...s, withdrawnAt: at('06:30') };
    expect(checkWithdraw({ gate: gate([gone]), signoff: gone, userId: 'ann' })).toMatchObject({
      code: 'already_withdrawn',
    });
  });

  it('a rejection can be withdrawn; nothing can be withdrawn once the gate opens', () => {
    const r = reject('qa', 'eve');
    expect(checkWithdraw({ gate: gate([r]), signoff: r, userId: 'eve' }).ok).toBe(true);
    const s = approve('dba', 'ann');
    expect(checkWithdraw({ gate: gate([s, approve('qa', 'bob')]), signoff: s, userId: 'ann' })).toMatchObject({
      code: 'gate_closed',
    });
  });
});

describe('checkOverride', () => {
  it('needs a real reason', () => {
    expect(checkOverride({ gate: gate([]), reason: ' \n ' })).toMatchObject({ code: 'reason_required' });
    expect(checkOverride({ gate: gate([]), reason: null })).toMatchObject({ code: 'reason_required' });
    expect(checkOverride({ gate: gate([]), reason: 'QA Lead approved on the bridge call' })).toEqual({ ok: true });
  });

  it('works on waiting and rejected gates, not decided ones', () => {
    expect(checkOverride({ gate: gate([reject('qa', 'eve')]), reason: 'accepted risk' }).ok).toBe(true);
    expect(checkOverride({ gate: gate([approve('dba', 'ann'), approve('qa', 'bob')]), reason: 'x' })).toMatchObject({
      code: 'gate_closed',
    });
    expect(checkOverride({ gate: gate([], { status: 'overridden', overrideReason: 'y' }), reason: 'x' })).toMatchObject(
      { code: 'gate_closed' },
    );
  });
});

describe('signoffTable', () => {
  it('lists each required role with its signers, and pending roles', () => {
    const rows = signoffTable({
      requiredRoles: ['dba', 'qa', 'devops'],
      signoffs: [
        approve('qa', 'bob', '06:05'),
        approve('dba', 'cid', '06:03'),
        approve('dba', 'ann', '06:01'),
        { ...approve('devops', 'dan'), withdrawn: true },
        approve('comms', 'zoe'),
      ],
      roleNames,
      userNames: { ann: 'Ann Lee', bob: 'Bob Ray' },
    });
    expect(rows.map((r) => [r.role, r.name, r.decision, r.at?.toISOString() ?? null])).toEqual([
      ['DBA', 'Ann Lee', 'approve', '2026-01-15T06:01:00.000Z'],
      ['DBA', 'cid', 'approve', '2026-01-15T06:03:00.000Z'],
      ['QA Lead', 'Bob Ray', 'approve', '2026-01-15T06:05:00.000Z'],
      ['DevOps', null, 'pending', null],
    ]);
  });

  it('shows a rejection with its comment', () => {
    const [row] = signoffTable({ requiredRoles: ['qa'], signoffs: [reject('qa', 'eve')], roleNames });
    expect(row).toMatchObject({ role: 'QA Lead', decision: 'reject', comment: 'p95 too high' });
  });
});
