// A user of a test's own, made with the seed factories (they double as test factories).
import { makeUser } from '../../lib/server/seed/factories';

/** Every made-up person's password: the factories hash it once per process. */
export const E2E_PASSWORD = 'e2e-password-123';

export type Person = { id: string; email: string; name: string; password: string };

export const personOf = (user: { id: string; email: string; name: string }): Person => ({
  id: user.id,
  email: user.email,
  name: user.name,
  password: E2E_PASSWORD,
});

export async function makePerson(name: string, { admin = false } = {}): Promise<Person> {
  return personOf(await makeUser({ name, password: E2E_PASSWORD, isAdmin: admin }));
}
