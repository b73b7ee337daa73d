// `npm run audit:verify -- <deploymentId>`: proves a deployment's event log is the one that was
// written. Exit 0 and "intact", or exit 1 naming the first broken sequence number.
// Needs DATABASE_URL (the database the server uses) and the server's audit key (AUDIT_KEY, or
// WARROOM_DATA_DIR pointing at the data folder it was generated into), and after a rotation the
// earlier keys in AUDIT_KEY_PREVIOUS.
import { getPrisma } from '../lib/server/db';
import { env } from '../lib/server/env';
import { existingAuditKey, previousAuditKeys } from '../lib/server/events/audit-key';
import { verifyChain } from '../lib/server/events/verify-chain';

async function main(): Promise<number> {
  const deploymentId = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  if (!deploymentId) {
    console.error('Usage: npm run audit:verify -- <deploymentId>');
    return 2;
  }
  if (!env().DATABASE_URL) {
    console.error('Set DATABASE_URL to the database the server uses.');
    return 2;
  }
  const key = existingAuditKey();
  if (!key) {
    console.error(
      "No audit key: set AUDIT_KEY to the server's, or WARROOM_DATA_DIR to the data folder it generated one into.",
    );
    return 2;
  }
  // After a rotation, AUDIT_KEY_PREVIOUS names the earlier keys: what they hashed verifies too.
  const result = await verifyChain(deploymentId, [key, ...previousAuditKeys()]);
  if (!result) {
    console.error(`No deployment ${deploymentId}.`);
    return 2;
  }
  if (result.intact) {
    console.log(`intact: ${result.events} events, chain head #${result.events} ${result.lastHash}`);
    return 0;
  }
  console.log(`broken at seq ${result.brokenSeq}: ${result.reason} (${result.events} events verified before it)`);
  return 1;
}

main()
  .then(async (code) => {
    await getPrisma().$disconnect();
    process.exit(code);
  })
  .catch((error) => {
    console.error(error);
    process.exit(2);
  });
