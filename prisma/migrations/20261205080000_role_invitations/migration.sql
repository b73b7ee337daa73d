-- An invitation may also be into a role of one deployment: accepting it makes the account and the
-- participant together. Nullable, so account-only invitations (the admin's) are unchanged.
ALTER TABLE "Invitation" ADD COLUMN "deploymentId" TEXT;
ALTER TABLE "Invitation" ADD COLUMN "roleId" TEXT;

CREATE INDEX "Invitation_deploymentId_idx" ON "Invitation"("deploymentId");

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;
