import { checkHealth } from '@/lib/server/health';
import { json, open } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = open(async () => {
  const health = await checkHealth();
  return json(health, health.status === 'ok' ? 200 : 503);
});
