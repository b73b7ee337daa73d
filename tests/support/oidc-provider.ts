import http from 'node:http';
import Provider from 'oidc-provider';

/** People the test identity provider knows: its login form accepts any password for them. */
export const IDP_PEOPLE: Record<string, { email: string; name: string; groups: string[] }> = {
  ada: { email: 'ada@acme.test', name: 'Ada Lovelace', groups: ['warroom-admins', 'engineering'] },
  bob: { email: 'bob@acme.test', name: 'Bob Builder', groups: ['engineering'] },
  mallory: { email: 'mallory@elsewhere.test', name: 'Mallory Outsider', groups: [] },
};

export const IDP_CLIENT = { id: 'war-room', secret: 'war-room-test-client-secret-0123456789' };

/**
 * A real OpenID provider (the maintained `oidc-provider` package) on 127.0.0.1, with one static
 * client for the app at `appBaseUrl` and its development login and consent forms.
 */
export async function startOidcProvider({ port, appBaseUrl }: { port: number; appBaseUrl: string }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: IDP_CLIENT.id,
        client_secret: IDP_CLIENT.secret,
        redirect_uris: [`${appBaseUrl}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-test-cookie-key'] },
    async findAccount(_ctx, id) {
      // A login that is an email address is that person (an account War Room already has).
      const person = IDP_PEOPLE[id] ?? { email: id.includes('@') ? id : `${id}@unknown.test`, name: id, groups: [] };
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: person.email,
          email_verified: true,
          name: person.name,
          groups: person.groups,
        }),
      };
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
