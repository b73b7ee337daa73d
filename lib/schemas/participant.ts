import { z } from '@/lib/zod';
import { roleKeySchema } from '@/lib/domain/template';

export const addParticipantSchema = z.object({
  email: z.email().max(320),
  roleKey: roleKeySchema,
});
export type AddParticipantInput = z.infer<typeof addParticipantSchema>;
