// A user of a test's own, made with the seed factories (they double as test factories).
import { makeUser } from '../../lib/server/seed/factories';

export type Person = { id: string; email: string; name: string; password: string };

/** Every made-up person's password: the factories hash it once per process. */
const PASSWORD = 'e2e-password-123';

export async function makePerson(name: string, { admin = false } = {}): Promise<Person> {
  const user = await makeUser({ name, password: PASSWORD, isAdmin: admin });
  return { id: user.id, email: user.email, name: user.name, password: PASSWORD };
}
