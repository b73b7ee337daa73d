import 'server-only';
import { isLeader } from '@/lib/server/background';
import { prisma } from '@/lib/server/db';

type Health = { status: 'ok' | 'degraded'; db: 'ok' | 'unreachable'; worker: 'leader' | 'standby' };

/** `worker` says whether this process runs the background work (one process leads). */
export async function checkHealth(): Promise<Health> {
  const worker = isLeader() ? 'leader' : 'standby';
  try {
    await Promise.race([
      prisma.$queryRaw`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
    ]);
    return { status: 'ok', db: 'ok', worker };
  } catch {
    return { status: 'degraded', db: 'unreachable', worker };
  }
}
