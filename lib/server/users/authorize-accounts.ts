import { adminGrantRefusal, mayManageAccounts } from '@/lib/domain/accounts';
import { viaOf, type SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';

function accountActor(actor: SignedInActor) {
  return { isAdmin: actor.isAdmin, via: viaOf(actor), scopes: actor.token?.scopes };
}

/** Inviting, listing and deactivating people: admins only (lib/domain/accounts). */
export function ensureMayManageAccounts(actor: SignedInActor) {
  if (!mayManageAccounts(accountActor(actor))) throw new AppError('forbidden', 'Only an admin can manage accounts.');
}

/** Granting (or touching) admin rights: a signed-in admin in the browser, or the bootstrap admin token. */
export async function ensureMayGrantAdmin(actor: SignedInActor) {
  const adminExists = (await prisma.user.count({ where: { isAdmin: true, deactivatedAt: null } })) > 0;
  const refusal = adminGrantRefusal(accountActor(actor), adminExists);
  if (refusal) throw new AppError('admin_needs_browser', refusal);
}
