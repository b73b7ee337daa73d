import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { findActor, type SignedInActor } from './get-actor';

/** For server components: the signed-in person, or a redirect to the sign-in page. */
export async function requirePageActor(next?: string): Promise<SignedInActor> {
  const actor = await findActor(await headers());
  if (!actor) redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  return actor;
}
