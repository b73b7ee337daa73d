import type { CaseTable } from './case';
import { ACCOUNT_CASES } from './cases-accounts';
import { DEPLOYMENT_CASES } from './cases-deployments';
import { GATE_CASES } from './cases-gates';
import { ITEM_CASES } from './cases-items';
import { METRICS_STATUS_CASES } from './cases-metrics-status';
import { TEMPLATE_CASES } from './cases-templates';
import { WEBHOOK_CASES } from './cases-webhooks';

/**
 * Every row of the matrix, one table made of the areas' tables (cases-*.ts). A key in two
 * areas would let the later row replace the earlier without a word (one object literal made
 * that a compile error), so joining them refuses it.
 */
function combine(...tables: CaseTable[]): CaseTable {
  const all: CaseTable = {};
  for (const table of tables) {
    for (const [key, row] of Object.entries(table)) {
      if (key in all) throw new Error(`authorization matrix: two rows for ${key}`);
      all[key] = row;
    }
  }
  return all;
}

export const CASES: CaseTable = combine(
  ACCOUNT_CASES,
  DEPLOYMENT_CASES,
  ITEM_CASES,
  GATE_CASES,
  METRICS_STATUS_CASES,
  WEBHOOK_CASES,
  TEMPLATE_CASES,
);
