import { metricsQuerySchema, pushSamplesSchema, PUSH_BODY_LIMIT } from '@/lib/schemas/metrics';
import { AppError } from '@/lib/server/errors';
import { authed, json, readJson } from '@/lib/server/http/route';
import { ingestSamples } from '@/lib/server/metrics/ingest-samples';
import { querySeries } from '@/lib/server/metrics/query-series';

export const dynamic = 'force-dynamic';

/** Push a batch of samples: 202 once stored and judged. */
export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, pushSamplesSchema, PUSH_BODY_LIMIT);
  return json(await ingestSamples(actor, params.id, input), 202);
});

/** Chart data: ?series=a,b&from=&to= (ISO 8601 or epoch ms). */
export const GET = authed<{ id: string }>(async ({ request, params, actor }) => {
  const search = new URL(request.url).searchParams;
  const parsed = metricsQuerySchema.safeParse({
    series: search.get('series') ?? undefined,
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_body', `${issue?.path?.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`);
  }
  return json(await querySeries(actor, params.id, parsed.data));
});
