import type { TemplateDefinition, templateStats } from '@/lib/domain/template-definition';

export type TemplateStats = ReturnType<typeof templateStats>;

export type TemplateSummary = {
  id: string;
  name: string;
  description: string;
  createdById: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  stats: TemplateStats;
  deployments: number;
  hasSource: boolean;
  canManage: boolean;
};

export type TemplateDetail = TemplateSummary & { definition: TemplateDefinition };
