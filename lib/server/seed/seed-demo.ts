import { prisma } from '@/lib/server/db';
import { createUserAccount } from '@/lib/server/users/create-user';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEMPLATE } from './demo-template';
import { makeDeployment, makeTemplate } from './factories';

export type DemoSeedResult = { deploymentId: string; accounts: { email: string; role: string }[]; password: string };

/** Seeds the demo war room: idempotent on accounts (existing emails are reused). */
export async function seedDemo(): Promise<DemoSeedResult> {
  const ids = new Map<string, string>();
  for (const person of [...DEMO_PEOPLE, { ...DEMO_ADMIN, roleKeys: [] as string[] }]) {
    const existing = await prisma.user.findUnique({ where: { email: person.email } });
    const user =
      existing ??
      (await createUserAccount({
        email: person.email,
        name: person.name,
        password: DEMO_PASSWORD,
        isAdmin: person.email === DEMO_ADMIN.email,
      }));
    ids.set(person.email, user.id);
  }
  const template = await makeTemplate(DEMO_TEMPLATE);
  const people: Record<string, string[]> = {};
  for (const person of DEMO_PEOPLE)
    for (const key of person.roleKeys) (people[key] ??= []).push(ids.get(person.email)!);
  const deployment = await makeDeployment({
    definition: DEMO_TEMPLATE,
    templateId: template.id,
    name: 'Payments API v2.4.0',
    // Far enough ahead that the demo opens with pre-flight still to come, not already late.
    goLiveAt: new Date(Date.now() + 70 * 60_000),
    people,
  });
  // The demo's charts are alive from the first visit: the healthy simulator runs until the IC changes it.
  await prisma.metricSource.create({
    data: {
      deploymentId: deployment.id,
      kind: 'simulator',
      config: { scenario: 'healthy', startedAt: Date.now(), seed: 1 },
    },
  });
  return {
    deploymentId: deployment.id,
    password: DEMO_PASSWORD,
    accounts: [
      ...DEMO_PEOPLE.map((p) => ({ email: p.email, role: p.roleKeys.join(', ') })),
      { email: DEMO_ADMIN.email, role: 'admin' },
    ],
  };
}

export function printDemoAccounts(result: DemoSeedResult, baseUrl: string) {
  console.log(`\nDemo war room: ${baseUrl}/deployments/${result.deploymentId}`);
  console.log(
    `Demo accounts (password "${result.password}" — it works only from this machine; set real passwords or invite people before opening the server to the network):`,
  );
  for (const account of result.accounts) console.log(`  ${account.email.padEnd(28)} ${account.role}`);
  console.log('');
}
