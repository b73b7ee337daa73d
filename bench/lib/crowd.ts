import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_TOKEN_SCOPES } from '../../lib/domain/rbac';
import { generateToken, hashToken } from '../../lib/server/auth/tokens';
import { makeDeployment, makeToken, makeUser } from '../../lib/server/seed/factories';

/**
 * A deployment watched by a crowd: an IC (and their API token) plus `people` viewers, each a
 * user of their own with a token of their own, inserted in bulk (the factories would take
 * minutes for 5 000 people; these rows are what they would write).
 */
export async function makeCrowdRoom(people: number) {
  const ic = await makeUser({ name: 'Bench IC' });
  const icToken = await makeToken(ic.id);
  const deployment = await makeDeployment({
    definition: {
      name: 'storm',
      roles: [
        { key: 'ic', name: 'IC', isIc: true },
        { key: 'watch', name: 'Watcher' },
      ],
      phases: [{ title: 'Go', items: [{ title: 'step', roleKey: 'ic', children: [] }] }],
    },
    people: { ic: [ic.id] },
  });
  const tokens = Array.from({ length: people }, () => generateToken());
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const ids = tokens.map(() => randomUUID());
    await client.query(
      `INSERT INTO "user" ("id", "name", "email", "updatedAt")
       SELECT id, 'Watcher ' || n, 'watcher-' || id || '@example.test', now()
       FROM unnest($1::text[]) WITH ORDINALITY AS u(id, n)`,
      [ids],
    );
    await client.query(
      `INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash", "prefix", "scopes")
       SELECT gen_random_uuid()::text, u.id, 'bench', u.hash, left(u.token, 8), $4::text[]
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, hash, token)`,
      [ids, tokens.map(hashToken), tokens, [...DEFAULT_TOKEN_SCOPES]],
    );
    await client.query(
      `INSERT INTO "Participant" ("id", "deploymentId", "roleId", "userId")
       SELECT gen_random_uuid()::text, $2, r."id", u.id
       FROM unnest($1::text[]) AS u(id) JOIN "Role" r ON r."deploymentId" = $2 AND r."key" = 'watch'`,
      [ids, deployment.id],
    );
  } finally {
    await client.end();
  }
  return { deploymentId: deployment.id, icToken, tokens };
}
