import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { CreateUserInput } from '@/lib/schemas/user';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma, type Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { recordAccountEvent } from './account-events';
import { ensureMayGrantAdmin, ensureMayManageAccounts } from './authorize-accounts';

export type UserDto = { id: string; email: string; name: string; isAdmin: boolean };

/** Creates an account that can sign in with email and password (better-auth's credential account). */
export async function createUserAccount(input: CreateUserInput): Promise<UserDto> {
  return insertUserAccount(input, await hashPassword(input.password));
}

/** The account of `createUserAccount`, given its password already hashed (better-auth's scrypt). */
export async function insertUserAccount(
  input: Omit<CreateUserInput, 'password'>,
  passwordHash: string,
  db: Pick<Tx, 'user'> = prisma,
): Promise<UserDto> {
  const email = input.email.toLowerCase();
  const id = randomUUID();
  try {
    const user = await db.user.create({
      data: {
        id,
        email,
        name: input.name,
        isAdmin: input.isAdmin ?? false,
        emailVerified: true,
        accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: passwordHash } },
      },
    });
    return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError('already_exists', `An account with ${email} already exists.`);
    throw error;
  }
}

/** POST /api/users: an admin makes an account; an admin account needs a signed-in admin (or bootstrap). */
export async function createUserAs(actor: SignedInActor, input: CreateUserInput): Promise<UserDto> {
  ensureMayManageAccounts(actor);
  if (input.isAdmin) await ensureMayGrantAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await insertUserAccount(input, passwordHash, tx);
    await recordAccountEvent(
      tx,
      actor,
      'account.created',
      { id: user.id, email: user.email },
      { isAdmin: user.isAdmin, via: 'admin' },
    );
    return user;
  });
}
