import { prisma } from '@/lib/server/db';

export async function checkHealth(): Promise<{ status: 'ok' | 'degraded'; db: 'ok' | 'unreachable' }> {
  try {
    await Promise.race([
      prisma.$queryRaw`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
    ]);
    return { status: 'ok', db: 'ok' };
  } catch {
    return { status: 'degraded', db: 'unreachable' };
  }
}
