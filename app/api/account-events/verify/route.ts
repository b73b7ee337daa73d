import { checkAccountRecord } from '@/lib/server/audit/check-record';
import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** Recomputes the account history's chain with the server's keys (admins). */
export const GET = authed(async ({ actor }) => json(await checkAccountRecord(actor)));
