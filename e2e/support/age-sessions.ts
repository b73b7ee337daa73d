// For the step-up specs: makes a person's sessions look signed in an hour ago, so the step-up
// window (SIGNOFF_REAUTH_MIN) has passed without waiting.
import { getPrisma } from '../../lib/server/db';

export async function ageSessions(userId: string) {
  await getPrisma().session.updateMany({
    where: { userId },
    data: { createdAt: new Date(Date.now() - 3_600_000), authenticatedAt: null },
  });
}
