import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = authed(async ({ actor }) =>
  json({ user: { id: actor.userId, name: actor.name, email: actor.email, isAdmin: actor.isAdmin } }),
);
