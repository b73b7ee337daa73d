import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import pg from 'pg';
import {
  createTestDatabase,
  freePort,
  runDatabaseServer,
  serverEnv,
  startAppServer,
  stopAppServer,
} from '../scripts/test-env.mjs';
import { IDP_CLIENT, IDP_PEOPLE, startOidcProvider } from '../tests/support/oidc-provider';
import { expect, test } from './support/test';

type App = { baseUrl: string; adminToken: string; databaseUrl: string; stop: () => Promise<void> };

/** A War Room server of its own, on its own database, with the given single sign-on settings. */
async function startApp(port: number, extra: Record<string, string>): Promise<App> {
  const database = await createTestDatabase('sso', runDatabaseServer());
  const adminToken = crypto.randomBytes(24).toString('hex');
  const server = await startAppServer(serverEnv({ databaseUrl: database.url, port, adminToken, extra }));
  return {
    baseUrl: server.baseUrl,
    adminToken,
    databaseUrl: database.url,
    stop: async () => {
      await stopAppServer(server.child);
      await database.drop();
    },
  };
}

async function queryApp<T extends pg.QueryResultRow>(app: App, text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const usersByEmail = (app: App, email: string) =>
  queryApp<{ name: string; isAdmin: boolean }>(app, 'SELECT "name", "isAdmin" FROM "user" WHERE "email" = $1', [email]);

/** The account history's lines about one email, oldest first. */
const accountHistory = (app: App, email: string) =>
  queryApp<{ type: string; actorName: string }>(
    app,
    'SELECT "type", "actorName" FROM "AccountEvent" WHERE "subject" = $1 ORDER BY "id"',
    [email],
  );

/** Through the identity provider's own login and consent forms, as a person would. */
async function signInWithSso(browser: Browser, app: App, login: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything-the-idp-accepts');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  return page;
}

test.describe('single sign-on with a real OpenID provider', () => {
  let idp: Awaited<ReturnType<typeof startOidcProvider>>;
  let app: App;

  test.beforeAll(async () => {
    const appPort = await freePort();
    idp = await startOidcProvider({ port: await freePort(), appBaseUrl: `http://127.0.0.1:${appPort}` });
    app = await startApp(appPort, {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: IDP_CLIENT.id,
      OIDC_CLIENT_SECRET: IDP_CLIENT.secret,
      OIDC_NAME: 'Acme SSO',
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_ADMIN_GROUP: 'warroom-admins',
      ALLOWED_EMAIL_DOMAINS: 'acme.test',
      PASSWORD_SIGN_IN: 'false',
    });
  });

  test.afterAll(async () => {
    await app?.stop();
    await idp?.stop();
  });

  /**
   * One of the e2e seeds, run against this spec's own server's database (e2e/support/seed-cli.ts).
   * Not execFileSync: with the embedded database, this very process serves that database.
   */
  const seed = async (name: 'crew' | 'age-sessions', ...args: string[]) =>
    (
      await promisify(execFile)(process.execPath, ['--import', 'tsx', 'e2e/support/seed-cli.ts', name, ...args], {
        env: { ...process.env, DATABASE_URL: app.databaseUrl, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      })
    ).stdout;

  test('an allowed person signs in through the provider; its admin group makes an admin', async ({ browser }) => {
    const page = await signInWithSso(browser, app, 'ada');
    await page.waitForURL(`${app.baseUrl}/deployments`);
    const me = await page.request.get(`${app.baseUrl}/api/me`);
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: 'ada@acme.test', name: 'Ada Lovelace', isAdmin: true } });
    // The account history says how the account came to be, and as what.
    await page.goto(`${app.baseUrl}/settings/users`);
    await expect(page.getByTestId('account-event').filter({ hasText: 'ada@acme.test' })).toContainText(
      'Ada Lovelace signed in with SSO for the first time (admin)',
    );

    // The provider drops her from the admin group: her next sign-in takes the rights away, and the
    // account history names the group as the one who did.
    const groups = IDP_PEOPLE.ada.groups;
    IDP_PEOPLE.ada.groups = ['engineering'];
    try {
      const again = await signInWithSso(browser, app, 'ada');
      await again.waitForURL(`${app.baseUrl}/deployments`);
      expect(await (await again.request.get(`${app.baseUrl}/api/me`)).json()).toMatchObject({
        user: { isAdmin: false },
      });
    } finally {
      IDP_PEOPLE.ada.groups = groups;
    }
    expect(await accountHistory(app, 'ada@acme.test')).toEqual([
      { type: 'account.created', actorName: 'Ada Lovelace' },
      { type: 'account.admin_revoked', actorName: 'SSO admin group' },
    ]);

    const bob = await signInWithSso(browser, app, 'bob');
    await bob.waitForURL(`${app.baseUrl}/deployments`);
    expect(await (await bob.request.get(`${app.baseUrl}/api/me`)).json()).toMatchObject({
      user: { email: 'bob@acme.test', isAdmin: false },
    });
  });

  test('a stale SSO session confirms a NO-GO through the provider again; the sign-off records the SSO identity', async ({
    browser,
  }) => {
    const crew = JSON.parse(await seed('crew')) as {
      deploymentId: string;
      people: { dba: { id: string; email: string } };
    };
    // The DBA signs in through the provider: it vouches for the email, so this is the DBA's account.
    const page = await signInWithSso(browser, app, crew.people.dba.email);
    await page.waitForURL(`${app.baseUrl}/deployments`);
    await page.goto(`${app.baseUrl}/deployments/${crew.deploymentId}/roles/dba`);
    await seed('age-sessions', crew.people.dba.id);

    const gate = page.getByTestId('pending-signoffs').getByTestId('gate-panel').first();
    await gate.getByTestId('reject-dba').click();
    const reject = page.getByTestId('reject-dialog');
    await reject.getByRole('textbox').fill('Replica lag is 40 s');
    await reject.getByRole('button', { name: /Reject/ }).click();
    const reauth = page.getByTestId('reauth-dialog');
    await expect(reauth).toContainText('You signed in with Acme SSO a while ago');
    const popup = page.waitForEvent('popup');
    await reauth.getByRole('button', { name: 'Confirm with Acme SSO' }).click();
    // The provider still knows this browser and its consent: the window goes there and back, and closes.
    await (await popup).waitForEvent('close');

    await expect(gate.locator('[data-testid="signoff-row"][data-role="dba"]')).toHaveAttribute(
      'data-decision',
      'reject',
    );
    await expect(gate).toContainText('“Replica lag is 40 s”');
    const detail = await (
      await page.request.get(`${app.baseUrl}/api/deployments/${crew.deploymentId}`, {
        headers: { authorization: `Bearer ${app.adminToken}` },
      })
    ).json();
    const signoffs = detail.gates.flatMap((g: { signoffs: { roleKey: string; identity: unknown }[] }) => g.signoffs);
    expect(signoffs.find((s: { roleKey: string }) => s.roleKey === 'dba')?.identity).toMatchObject({
      method: 'sso',
      issuer: idp.issuer,
      subject: crew.people.dba.email,
    });
  });

  test('a person neither invited nor from an allowed domain is refused, and no account is made', async ({
    browser,
  }) => {
    const page = await signInWithSso(browser, app, 'mallory');
    await page.waitForURL(/\/sign-in\/refused/);
    await expect(page.getByRole('heading', { name: 'You do not have a War Room account yet' })).toBeVisible();
    await expect(page.getByText('War Room accounts are by invitation')).toBeVisible();
    expect((await page.request.get(`${app.baseUrl}/api/me`)).status()).toBe(401);
    expect(await usersByEmail(app, 'mallory@elsewhere.test')).toEqual([]);
  });

  test('an invitation admits a person from another domain once; it is then used', async ({ browser }) => {
    const invited = await fetch(`${app.baseUrl}/api/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'carol@partner.test' }),
    });
    expect(invited.status).toBe(201);
    const page = await signInWithSso(browser, app, 'carol@partner.test');
    await page.waitForURL(`${app.baseUrl}/deployments`);
    expect(await (await page.request.get(`${app.baseUrl}/api/me`)).json()).toMatchObject({
      user: { email: 'carol@partner.test', isAdmin: false },
    });
    const list = await (
      await fetch(`${app.baseUrl}/api/invitations`, { headers: { authorization: `Bearer ${app.adminToken}` } })
    ).json();
    expect(list.invitations.find((i: { email: string }) => i.email === 'carol@partner.test')).toMatchObject({
      status: 'accepted',
    });
  });

  test('an invitation into a role admits a first SSO sign-in from its link, which lands in the deployment holding the role', async ({
    browser,
  }) => {
    const crew = JSON.parse(await seed('crew')) as { deploymentId: string };
    const admin = { authorization: `Bearer ${app.adminToken}`, 'content-type': 'application/json' };
    const invited = await fetch(`${app.baseUrl}/api/deployments/${crew.deploymentId}/invitations`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ email: 'dave@partner.test', roleKey: 'qa' }),
    });
    expect(invited.status).toBe(201);
    const { path } = (await invited.json()) as { path: string };

    // The newcomer follows the link and signs in through the provider instead of setting a password.
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.baseUrl}${path}`);
    await expect(page.getByTestId('invitation-summary')).toContainText('QA Lead');
    await expect(page.getByLabel('Password')).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    await page.locator('input[name="login"]').fill('dave@partner.test');
    await page.locator('input[name="password"]').fill('anything-the-idp-accepts');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${app.baseUrl}/deployments/${crew.deploymentId}/roles/qa`);

    const detail = await (await page.request.get(`${app.baseUrl}/api/deployments/${crew.deploymentId}`)).json();
    expect(detail.me.roles.map((r: { key: string }) => r.key)).toEqual(['qa']);
    const pending = await (
      await fetch(`${app.baseUrl}/api/deployments/${crew.deploymentId}/invitations`, { headers: admin })
    ).json();
    expect(pending.invitations).toEqual([]);
    const events = await (
      await fetch(`${app.baseUrl}/api/deployments/${crew.deploymentId}/events`, { headers: admin })
    ).json();
    expect(events.events.filter((e: { type: string }) => e.type === 'participant.added').pop()).toMatchObject({
      data: { via: 'invitation', roleKey: 'qa' },
    });
  });

  test('a callback with a forged state signs no one in', async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.baseUrl}/api/auth/callback/oidc?code=stolen-code&state=forged-state`);
    await page.waitForURL(/\/sign-in\/refused\?error=/);
    await expect(page.getByRole('heading', { name: 'Sign-in did not finish' })).toBeVisible();
    expect((await page.request.get(`${app.baseUrl}/api/me`)).status()).toBe(401);
  });

  test('with PASSWORD_SIGN_IN=false, SSO is the only way in', async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await expect(page.getByRole('button', { name: 'Sign in with Acme SSO' })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveCount(0);
    const created = await page.request.post(`${app.baseUrl}/api/users`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
      data: { email: 'pat@acme.test', name: 'Pat Password', password: 'a-long-password' },
    });
    expect(created.status()).toBe(201);
    const attempt = await page.request.post(`${app.baseUrl}/api/auth/sign-in/email`, {
      data: { email: 'pat@acme.test', password: 'a-long-password' },
    });
    expect(attempt.ok()).toBe(false);
    expect((await page.request.get(`${app.baseUrl}/api/me`)).status()).toBe(401);
  });
});

test('an unreachable identity provider gives a readable error, and password sign-in keeps working', async ({
  browser,
}) => {
  const deadPort = await freePort();
  const app = await startApp(await freePort(), {
    OIDC_ISSUER: `http://127.0.0.1:${deadPort}`,
    OIDC_CLIENT_ID: 'war-room',
    OIDC_CLIENT_SECRET: 'whatever-secret',
    OIDC_NAME: 'Acme SSO',
  });
  try {
    const created = await fetch(`${app.baseUrl}/api/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pat@acme.test', name: 'Pat Password', password: 'a-long-password' }),
    });
    expect(created.status).toBe(201);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    await expect(page.getByText('Acme SSO cannot be reached right now')).toBeVisible();
    await page.getByLabel('Email').fill('pat@acme.test');
    await page.getByLabel('Password').fill('a-long-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${app.baseUrl}/deployments`);
  } finally {
    await app.stop();
  }
});

test('a misconfigured single sign-on says what to fix on the sign-in page', async ({ browser }) => {
  const app = await startApp(await freePort(), { OIDC_ISSUER: 'https://idp.acme.test', OIDC_NAME: 'Acme SSO' });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await expect(
      page.getByText('Single sign-on is not available: OIDC_ISSUER is set but OIDC_CLIENT_ID is missing.'),
    ).toBeVisible();
    await expect(page.getByLabel('Password')).toBeVisible();
  } finally {
    await app.stop();
  }
});
