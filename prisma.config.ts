import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';

// The pg adapter cannot decode the catalog types `name` (oid 19) and `"char"` (oid 18) that
// migrate's introspection reads (prisma/prisma#27403): report them as text. CLI only.
type FieldDescription = { dataTypeID: number };
type PatchableResult = { addFields: (fields: FieldDescription[]) => void };
const resultPrototype = pg.Result.prototype as unknown as PatchableResult;
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function patchedAddFields(this: PatchableResult, fieldDescriptions: FieldDescription[]) {
  for (const field of fieldDescriptions) {
    if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
  }
  return addFields.call(this, fieldDescriptions);
};

// Discrete fields (not connectionString) so `migrate dev` gets a separate shadow database.
function adapterConfig(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || 'postgres'),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.slice(1),
  };
}

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () =>
    new PrismaPg(adapterConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/warroom')),
});
