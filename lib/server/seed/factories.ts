import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { DEFAULT_TOKEN_SCOPES } from '@/lib/domain/rbac';
import {
  templateDefinitionSchema,
  templateStats,
  type TemplateDefinitionInput,
} from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { instantiateDeployment } from '@/lib/server/deployments/instantiate';
import { commit } from '@/lib/server/events/commit';
import { createApiToken } from '@/lib/server/users/create-token';
import { insertUserAccount, type UserDto } from '@/lib/server/users/create-user';
import { DEMO_TEMPLATE } from './demo-template';

/**
 * Seed functions that double as test factories: each makes its own uniquely named data, so tests
 * never share rows.
 */

/**
 * Made-up people with the same password share one hash of it: a scrypt hash costs ~90 ms of CPU
 * and a test run makes hundreds of people (seven per crew), beside the server it tests. Never for
 * real accounts (`createUserAccount`): a shared salt would tell who shares a password.
 */
const passwordHashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = passwordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    passwordHashes.set(password, hash);
  }
  return hash;
}

export async function makeUser(
  overrides: { email?: string; name?: string; password?: string; isAdmin?: boolean } = {},
): Promise<UserDto & { password: string }> {
  const password = overrides.password ?? 'correct-horse-battery';
  const tag = randomUUID().slice(0, 8);
  const user = await insertUserAccount(
    {
      email: overrides.email ?? `user-${tag}@example.test`,
      name: overrides.name ?? `User ${tag}`,
      isAdmin: overrides.isAdmin,
    },
    await hashOnce(password),
  );
  return { ...user, password };
}

export async function makeToken(
  userId: string,
  scopes: string[] = [...DEFAULT_TOKEN_SCOPES],
  deploymentId: string | null = null,
) {
  const { token } = await createApiToken(userId, { name: 'test', scopes, deploymentId });
  return token;
}

export async function makeTemplate(
  definition: TemplateDefinitionInput = DEMO_TEMPLATE,
  createdById: string | null = null,
) {
  const parsed = templateDefinitionSchema.parse(definition);
  return prisma.template.create({
    data: {
      name: parsed.name,
      description: parsed.description,
      definition: parsed,
      stats: templateStats(parsed),
      createdById,
      versions: { create: { version: 1, definition: parsed, summary: 'Created', createdById } },
    },
  });
}

/**
 * A deployment from a template with people in roles: `people` maps role keys to users. The first
 * IC holder is recorded as the creator.
 */
export async function makeDeployment(
  options: {
    definition?: TemplateDefinitionInput;
    templateId?: string;
    name?: string;
    goLiveAt?: Date;
    people?: Record<string, string[]>;
  } = {},
) {
  const definition = templateDefinitionSchema.parse(options.definition ?? DEMO_TEMPLATE);
  const creator = options.people?.ic?.[0] ?? null;
  const pinned = options.templateId
    ? await prisma.template.findUnique({ where: { id: options.templateId }, select: { currentVersion: true } })
    : null;
  const { result } = await commit(async (tx, append) => {
    const { deployment, roleIds } = await instantiateDeployment(
      tx,
      definition,
      {
        name: options.name ?? `${definition.name} ${randomUUID().slice(0, 4)}`,
        goLiveAt: options.goLiveAt ?? new Date(Date.now() + 3_600_000),
        version: '2.4.0',
        templateId: options.templateId ?? null,
        templateVersion: pinned?.currentVersion ?? null,
      },
      creator,
    );
    for (const [roleKey, userIds] of Object.entries(options.people ?? {})) {
      for (const userId of userIds) {
        if (roleKey === 'ic' && userId === creator) continue;
        await tx.participant.create({ data: { deploymentId: deployment.id, roleId: roleIds.get(roleKey)!, userId } });
      }
    }
    await append({
      deploymentId: deployment.id,
      type: 'deployment.created',
      actorId: creator,
      actorName: 'Seed',
      roleKey: null,
      data: { name: deployment.name },
    });
    return deployment;
  });
  return result;
}

/** Every item of a deployment, flat, for tests that need ids. */
export async function itemsOf(deploymentId: string) {
  return prisma.checklistItem.findMany({
    where: { deploymentId },
    include: { role: true },
    orderBy: [{ phaseId: 'asc' }, { position: 'asc' }],
  });
}
