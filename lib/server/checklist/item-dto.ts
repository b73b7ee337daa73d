import type { CheckDto, EvidenceDto, ItemDto } from '@/lib/contracts/items';
import type { ItemStatus } from '@/lib/domain/items';

export type ItemRow = {
  id: string;
  phaseId: string;
  parentId: string | null;
  position: number;
  title: string;
  section: string | null;
  command: string | null;
  expectedOutput: string | null;
  status: string;
  note: string | null;
  version: number;
  doneBeforeStart: boolean;
  updatedByName: string | null;
  updatedAt: Date;
  role: { key: string };
};

export const itemSelect = {
  id: true,
  phaseId: true,
  parentId: true,
  position: true,
  title: true,
  section: true,
  command: true,
  expectedOutput: true,
  status: true,
  note: true,
  version: true,
  doneBeforeStart: true,
  updatedByName: true,
  updatedAt: true,
  role: { select: { key: true } },
} as const;

export function toItemDto(row: ItemRow): ItemDto {
  return {
    id: row.id,
    phaseId: row.phaseId,
    parentId: row.parentId,
    position: row.position,
    title: row.title,
    roleKey: row.role.key,
    section: row.section,
    command: row.command,
    expectedOutput: row.expectedOutput,
    status: row.status as ItemStatus,
    note: row.note,
    version: row.version,
    doneBeforeStart: row.doneBeforeStart,
    updatedBy: row.updatedByName,
    updatedAt: row.updatedAt.toISOString(),
    children: [],
  };
}

/** The latest evidence of each item (at most 20) and how many it has in all. */
export type EvidenceByItem = Map<string, { latest: EvidenceDto[]; count: number }>;

/** Flat rows (ordered by position) to the nested tree the API returns, each item with its evidence when given. */
export function buildItemTree(
  rows: readonly ItemRow[],
  evidence?: EvidenceByItem,
  checks?: ReadonlyMap<string, CheckDto>,
): ItemDto[] {
  const byId = new Map<string, ItemDto>();
  const roots: ItemDto[] = [];
  for (const row of rows) {
    const dto = toItemDto(row);
    if (evidence) {
      const own = evidence.get(row.id);
      dto.evidence = own?.latest ?? [];
      dto.evidenceCount = own?.count ?? 0;
    }
    if (checks) dto.check = checks.get(row.id) ?? null;
    byId.set(row.id, dto);
  }
  for (const row of rows) {
    const dto = byId.get(row.id)!;
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent) parent.children.push(dto);
    else roots.push(dto);
  }
  return roots;
}
