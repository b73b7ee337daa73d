-- Template versions (issue 17): a template is a series of immutable versions, and a deployment
-- pins the one it was created from. Every existing template becomes version 1 of itself, and every
-- existing deployment made from a template pins version 1 (the only version there was).
CREATE TABLE "TemplateVersion" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "sourceMarkdown" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TemplateVersion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "TemplateVersion_templateId_version_key" ON "TemplateVersion"("templateId", "version");

ALTER TABLE "TemplateVersion" ADD CONSTRAINT "TemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Template" ADD COLUMN "currentVersion" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Deployment" ADD COLUMN "templateVersion" INTEGER;

-- Backfill: the template as it stands is version 1, by its creator, at its creation time.
INSERT INTO "TemplateVersion" ("id", "templateId", "version", "definition", "sourceMarkdown", "summary", "createdById", "createdByName", "createdAt")
SELECT 'v1_' || t."id", t."id", 1, t."definition", t."sourceMarkdown", 'Version 1 (the template before versions)', t."createdById",
       COALESCE((SELECT u."name" FROM "user" u WHERE u."id" = t."createdById"), ''), t."createdAt"
FROM "Template" t;

UPDATE "Deployment" SET "templateVersion" = 1 WHERE "templateId" IS NOT NULL;
