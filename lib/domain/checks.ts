/**
 * Self-checking items (issue 16): a check the server runs while the item's phase is running, or a
 * secret URL a CI job calls. Pure rules here — what a check is, how a run is judged, how the
 * state moves. How a runbook writes one (`Check: GET https://… → 200 contains "ok"`): check-lines.ts.
 */

export const CHECK_KINDS = ['http', 'prometheus', 'ci'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export const CHECK_STATES = ['waiting', 'checking', 'passing', 'failing'] as const;
export type CheckState = (typeof CHECK_STATES)[number];
export const CHECK_METHODS = ['GET', 'HEAD', 'POST'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

/** Each item keeps its last 20 runs. */
export const MAX_CHECK_RUNS = 20;
/** What a run keeps of a response body: enough to show and to prove, not a log store. */
export const MAX_RUN_OUTPUT = 2000;

export type HttpCheckSpec = {
  kind: 'http';
  url: string;
  method: CheckMethod;
  expectStatus: number;
  expectBodyContains: string | null;
};
export type PrometheusCheckSpec = { kind: 'prometheus'; query: string; comparison: '>' | '<'; value: number };
export type CiCheckSpec = { kind: 'ci' };
export type CheckSpec = HttpCheckSpec | PrometheusCheckSpec | CiCheckSpec;

/** How often and how strictly: the same for every kind (a ci check ignores the interval). */
export type CheckPolicy = { intervalSec: number; passesNeeded: number; autoTick: boolean };
export const DEFAULT_POLICY: CheckPolicy = { intervalSec: 10, passesNeeded: 1, autoTick: true };

/** One run: when, whether it passed, what it saw, and how long it took (absent on CI calls and older runs). */
export type CheckRun = { at: string; ok: boolean; output: string; durationMs?: number };

/** An HTTP answer (or the failure to get one) judged against the spec. */
export function judgeHttp(
  spec: HttpCheckSpec,
  answer: { ok: true; status: number; body: string } | { ok: false; error: string },
): { ok: boolean; output: string } {
  const head = `${spec.method} ${spec.url}`;
  if (!answer.ok) return { ok: false, output: `${head}: ${answer.error}` };
  const body = answer.body.slice(0, MAX_RUN_OUTPUT);
  if (answer.status !== spec.expectStatus)
    return { ok: false, output: `${head} → ${answer.status}, expected ${spec.expectStatus}\n${body}`.trim() };
  if (spec.expectBodyContains !== null && !answer.body.includes(spec.expectBodyContains))
    return {
      ok: false,
      output: `${head} → ${answer.status}, body does not contain "${spec.expectBodyContains}"\n${body}`.trim(),
    };
  return { ok: true, output: `${head} → ${answer.status}\n${body}`.trim() };
}

/** A Prometheus reading (or the failure to get one) judged against the spec. */
export function judgePrometheus(
  spec: PrometheusCheckSpec,
  reading: { ok: true; value: number | null } | { ok: false; error: string },
): { ok: boolean; output: string } {
  const head = `${spec.query} ${spec.comparison} ${spec.value}`;
  if (!reading.ok) return { ok: false, output: `${head}: ${reading.error}` };
  if (reading.value === null) return { ok: false, output: `${head}: the query returned no value` };
  const ok = spec.comparison === '>' ? reading.value > spec.value : reading.value < spec.value;
  return { ok, output: `${head}: ${reading.value}${ok ? '' : ' (not met)'}` };
}

export type CheckProgress = { state: CheckState; streak: number };

/**
 * After a run: passes count up in a row (a fail starts over). "checking" until `passesNeeded`
 * passes in a row, then "passing"; any fail is "failing". `justPassed` is the run that reached it.
 */
export function nextProgress(
  previous: CheckProgress,
  ok: boolean,
  passesNeeded: number,
): CheckProgress & { justPassed: boolean; justFailed: boolean } {
  if (!ok) return { state: 'failing', streak: 0, justPassed: false, justFailed: previous.state !== 'failing' };
  const streak = previous.streak + 1;
  const state: CheckState = streak >= passesNeeded ? 'passing' : 'checking';
  return { state, streak, justPassed: state === 'passing' && previous.state !== 'passing', justFailed: false };
}

/** The last runs, newest first, at most MAX_CHECK_RUNS. */
export function keepRuns(runs: readonly CheckRun[], run: CheckRun): CheckRun[] {
  return [run, ...runs].slice(0, MAX_CHECK_RUNS);
}

/** One line for the check, as the runbook writes it and the UI shows it. */
export function describeCheck(spec: CheckSpec): string {
  switch (spec.kind) {
    case 'http':
      return `${spec.method} ${spec.url} → ${spec.expectStatus}${spec.expectBodyContains !== null ? ` contains ${JSON.stringify(spec.expectBodyContains)}` : ''}`;
    case 'prometheus':
      return `prometheus ${spec.query} ${spec.comparison} ${spec.value}`;
    case 'ci':
      return 'ci';
  }
}

/** A check written in a runbook, with its policy when it differs from the default. */
export type RunbookCheck = CheckSpec & Partial<CheckPolicy>;
