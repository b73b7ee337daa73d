import { prisma } from '@/lib/server/db';

export type Sample = { series: string; ts: number; value: number };

/** `values` one second apart, the last one at `end`. */
export function run(series: string, values: number[], end: number, stepMs = 1000): Sample[] {
  return values.map((value, i) => ({ series, ts: end - (values.length - 1 - i) * stepMs, value }));
}
export const repeat = (value: number, n: number) => Array.from({ length: n }, () => value);

export async function sampleCount(deploymentId: string) {
  return prisma.metricSample.count({ where: { series: { deploymentId } } });
}

export async function eventsOfType(deploymentId: string, type: string) {
  return prisma.event.findMany({ where: { deploymentId, type }, orderBy: { seq: 'asc' } });
}
