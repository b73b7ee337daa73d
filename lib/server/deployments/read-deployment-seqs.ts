import { sql } from '@/lib/server/sql';

/** The latest event number of each deployment asked about; unknown ids are left out. */
export async function readDeploymentSeqs(deploymentIds: readonly string[]): Promise<Map<string, number>> {
  if (deploymentIds.length === 0) return new Map();
  const rows = await sql<{
    id: string;
    seq: number;
  }>`SELECT id, seq FROM "Deployment" WHERE id = ANY(${[...deploymentIds]})`;
  return new Map(rows.map((row) => [row.id, row.seq]));
}
