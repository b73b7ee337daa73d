import type { ItemStatus } from '@/lib/domain/items';

/** One checklist item as the API and the socket events carry it, its sub-items nested. */
export type ItemDto = {
  id: string;
  phaseId: string;
  parentId: string | null;
  position: number;
  title: string;
  roleKey: string;
  section: string | null;
  command: string | null;
  expectedOutput: string | null;
  status: ItemStatus;
  note: string | null;
  version: number;
  doneBeforeStart: boolean;
  updatedBy: string | null;
  updatedAt: string;
  children: ItemDto[];
};
