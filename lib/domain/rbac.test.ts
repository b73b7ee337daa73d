import { describe, expect, it } from 'vitest';
import {
  can,
  DEFAULT_TOKEN_SCOPES,
  missingScope,
  type Action,
  type Actor,
  type ActorRole,
  type Resource,
} from './rbac';

const role = (key: string, extra: Partial<ActorRole> = {}): ActorRole => ({
  key,
  isIc: false,
  readOnly: false,
  ...extra,
});
const IC = role('ic', { isIc: true });
const DBA = role('dba');
const QA = role('qa');
const COMMS = role('comms');
const STAKEHOLDER = role('stakeholder', { readOnly: true });

const person: Actor = { userId: 'u1', isAdmin: false };
const admin: Actor = { userId: 'a1', isAdmin: true };
const on = (heldRoles: ActorRole[], extra: Partial<Resource> = {}): Resource => ({
  deploymentId: 'd1',
  heldRoles,
  ...extra,
});

describe('the RBAC table', () => {
  it("lets a role holder change only their own role's items", () => {
    expect(can(person, 'item.update', on([DBA], { itemRoleKey: 'dba' }))).toBe(true);
    expect(can(person, 'item.update', on([DBA], { itemRoleKey: 'qa' }))).toBe(false);
    expect(can(person, 'item.update', on([DBA, QA], { itemRoleKey: 'qa' }))).toBe(true);
  });

  it('lets the IC change anything in its deployment, and an admin everywhere', () => {
    for (const action of [
      'item.update',
      'participant.manage',
      'deployment.drive',
      'gate.override',
      'sharelink.manage',
    ] as Action[]) {
      expect(can(person, action, on([IC], { itemRoleKey: 'qa' }))).toBe(true);
      expect(can(admin, action, on([], { itemRoleKey: 'qa' }))).toBe(true);
    }
  });

  it('lets stakeholders and viewers read and write nothing', () => {
    expect(can(person, 'deployment.read', on([STAKEHOLDER]))).toBe(true);
    for (const action of [
      'item.update',
      'participant.manage',
      'deployment.drive',
      'gate.signoff',
      'status.post',
      'metrics.push',
    ] as Action[]) {
      expect(
        can(person, action, on([STAKEHOLDER], { itemRoleKey: 'stakeholder', requiredRoles: ['stakeholder'] })),
      ).toBe(false);
    }
  });

  it('refuses people who hold no role in the deployment, even to read', () => {
    expect(can(person, 'deployment.read', on([]))).toBe(false);
    expect(can(person, 'item.update', on([], { itemRoleKey: 'dba' }))).toBe(false);
  });

  it('lets only holders of a required role sign a gate — not the IC as such, not an admin', () => {
    expect(can(person, 'gate.signoff', on([QA], { requiredRoles: ['qa', 'dba'] }))).toBe(true);
    expect(can(person, 'gate.signoff', on([IC], { requiredRoles: ['qa', 'dba'] }))).toBe(false);
    expect(can(admin, 'gate.signoff', on([], { requiredRoles: ['qa'] }))).toBe(false);
  });

  it('lets the IC and the comms role post status updates', () => {
    expect(can(person, 'status.post', on([COMMS]))).toBe(true);
    expect(can(person, 'status.post', on([IC]))).toBe(true);
    expect(can(person, 'status.post', on([DBA]))).toBe(false);
  });

  it("narrows a person by their token's scopes and deployment", () => {
    const readOnly: Actor = { ...person, token: { scopes: ['read'], deploymentId: null } };
    expect(can(readOnly, 'deployment.read', on([DBA]))).toBe(true);
    expect(can(readOnly, 'item.update', on([DBA], { itemRoleKey: 'dba' }))).toBe(false);

    const pushOnly: Actor = { ...person, token: { scopes: ['metrics:push'], deploymentId: 'd1' } };
    expect(can(pushOnly, 'metrics.push', on([DBA]))).toBe(true);
    expect(can(pushOnly, 'deployment.read', on([DBA]))).toBe(false);
    expect(can(pushOnly, 'item.update', on([DBA], { itemRoleKey: 'dba' }))).toBe(false);

    // items:write: what a CI job needs — tick and attach evidence, read; nothing else.
    const itemsOnly: Actor = { ...person, token: { scopes: ['items:write'], deploymentId: 'd1' } };
    expect(can(itemsOnly, 'item.update', on([DBA], { itemRoleKey: 'dba' }))).toBe(true);
    expect(can(itemsOnly, 'deployment.read', on([DBA]))).toBe(true);
    expect(can(itemsOnly, 'item.check', on([DBA], { itemRoleKey: 'dba' }))).toBe(false);
    expect(can(itemsOnly, 'item.update', on([QA], { itemRoleKey: 'dba' }))).toBe(false);
    expect(can({ ...itemsOnly, isAdmin: true }, 'deployment.drive', on([IC]))).toBe(false);

    const otherDeployment: Actor = { ...person, token: { scopes: ['read', 'write'], deploymentId: 'd2' } };
    expect(can(otherDeployment, 'item.update', on([DBA], { itemRoleKey: 'dba' }))).toBe(false);

    const adminToken: Actor = { ...admin, token: { scopes: ['read'], deploymentId: null } };
    expect(can(adminToken, 'deployment.drive', on([]))).toBe(false);
  });

  it('needs the gates:sign scope, not just write, to sign, withdraw or override a gate', () => {
    const writer: Actor = { ...person, token: { scopes: ['read', 'write'], deploymentId: null } };
    const signer: Actor = { ...person, token: { scopes: ['read', 'gates:sign'], deploymentId: null } };
    const gate = { requiredRoles: ['dba'] };
    expect(can(writer, 'gate.signoff', on([DBA], gate))).toBe(false);
    expect(missingScope(writer, 'gate.signoff')).toBe('gates:sign');
    expect(can(writer, 'item.update', on([DBA], { itemRoleKey: 'dba' }))).toBe(true);
    expect(can(signer, 'gate.signoff', on([DBA], gate))).toBe(true);
    expect(can(signer, 'item.update', on([DBA], { itemRoleKey: 'dba' }))).toBe(false);
    expect(can({ ...admin, token: { scopes: ['read', 'write'], deploymentId: null } }, 'gate.override', on([]))).toBe(
      false,
    );
    expect(
      can({ ...admin, token: { scopes: [...DEFAULT_TOKEN_SCOPES], deploymentId: null } }, 'gate.override', on([])),
    ).toBe(true);
    expect(missingScope(person, 'gate.override')).toBeNull();
  });
});
