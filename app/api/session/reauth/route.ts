import { reauthenticate } from '@/lib/server/auth/step-up';
import { authed, json, readJson } from '@/lib/server/http/route';
import { z } from '@/lib/zod';

export const dynamic = 'force-dynamic';

const reauthSchema = z.object({ password: z.string().min(1).max(200) });

/** Step-up: the signed-in person confirms their password before a go / no-go decision. */
export const POST = authed(async ({ request, actor }) => {
  const { password } = await readJson(request, reauthSchema, 4 * 1024);
  return json(await reauthenticate(actor, request.headers, password));
});
