// `npm run audit:verify -- <deploymentId>`: proves a deployment's event log is the one that was
// written. Exit 0 and "intact", or exit 1 naming the first broken sequence number.
// `npm run audit:verify -- --accounts`: the same for the account history (who made, invited or
// promoted whom), naming the first broken line.
// Needs DATABASE_URL (the database the server uses) and the server's audit key (AUDIT_KEY, or
// WARROOM_DATA_DIR pointing at the data folder it was generated into), and after a rotation the
// earlier keys in AUDIT_KEY_PREVIOUS.
import { getPrisma } from '../lib/server/db';
import { env } from '../lib/server/env';
import { existingAuditKey, previousAuditKeys } from '../lib/server/events/audit-key';
import { verifyChain } from '../lib/server/events/verify-chain';
import { verifyAccountChain } from '../lib/server/users/account-chain';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const accounts = args.includes('--accounts');
  const deploymentId = args.find((arg) => !arg.startsWith('-'));
  if (!deploymentId && !accounts) {
    console.error('Usage: npm run audit:verify -- <deploymentId>, or -- --accounts for the account history');
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
  const keys = [key, ...previousAuditKeys()];
  if (accounts) return reportAccounts(await verifyAccountChain(keys));
  const result = await verifyChain(deploymentId!, keys);
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

function reportAccounts(result: Awaited<ReturnType<typeof verifyAccountChain>>): number {
  if (!result.intact) {
    console.log(`broken at line ${result.brokenAt}: ${result.reason} (${result.lines} lines verified before it)`);
    return 1;
  }
  const before = result.unchained ? ` (the first ${result.unchained} written before the history was chained)` : '';
  console.log(`intact: ${result.lines} lines${before}, chain head ${result.lastHash || '(none)'}`);
  return 0;
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
