'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { plural } from '@/lib/domain/plural';
import { useTemplateTiming } from './use-redlines';
import { useStartDeployment } from './use-templates';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const field = 'min-h-9 rounded-md border border-line-strong bg-field px-2 text-sm';

/** The next full hour after `now` plus one: a sensible first guess for T0. */
function defaultGoLive(now: string) {
  const d = new Date(now);
  d.setUTCMinutes(0, 0, 0);
  d.setUTCHours(d.getUTCHours() + 2);
  const iso = d.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * Name, version, environment and go-live time (UTC, as runbooks write it) → a new war room from
 * this template, with the person starting it as its incident commander.
 */
export function StartDeploymentForm({
  templateId,
  templateName,
  now,
  openRedlines = 0,
}: {
  templateId: string;
  templateName: string;
  now: string;
  openRedlines?: number;
}) {
  const initial = defaultGoLive(now);
  const [name, setName] = useState(templateName);
  const [version, setVersion] = useState('');
  const [environment, setEnvironment] = useState('production');
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [rehearsal, setRehearsal] = useState(false);
  // How long earlier runs of the same kind took, against this plan.
  const both = useTemplateTiming(templateId).data;
  const timing = rehearsal ? both?.rehearsals : both;
  const goLiveAt = `${date}T${time}:00Z`;
  const valid = Boolean(name.trim()) && TIME.test(time) && !Number.isNaN(Date.parse(goLiveAt));

  const start = useStartDeployment();

  return (
    <form
      id="start"
      aria-labelledby="start-title"
      className="flex scroll-mt-4 flex-col gap-3 rounded-lg border border-sky-500/60 bg-surface p-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid)
          start.mutate({
            templateId,
            name: name.trim(),
            version: version.trim(),
            environment: environment.trim() || 'production',
            goLiveAt,
            rehearsal,
          });
      }}
    >
      <h2 id="start-title" className="text-lg font-semibold">
        Start a deployment
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Version
          <input
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            maxLength={80}
            placeholder="2.4.0"
            className={field}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Environment
          <input
            value={environment}
            onChange={(e) => setEnvironment(e.target.value)}
            maxLength={80}
            list="environments"
            className={field}
          />
          <datalist id="environments">
            <option value="production" />
            <option value="staging" />
            <option value="eu-production" />
            <option value="us-production" />
          </datalist>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Go-live date (UTC)
          <input
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            required
            className={cn(field, 'tabular')}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Go-live time (UTC, 24 h)
          {/* Text, not type=time: browsers show 12-hour clocks in some locales; runbooks say 08:00Z. */}
          <input
            value={time}
            onChange={(e) => setTime(e.target.value.trim())}
            required
            inputMode="numeric"
            pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
            placeholder="08:00"
            title="24-hour time, HH:MM"
            className={cn(field, 'tabular')}
          />
        </label>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={rehearsal}
          onChange={(e) => setRehearsal(e.target.checked)}
          className="h-4 w-4"
        />
        Rehearsal (marked REHEARSAL everywhere; global webhooks stay quiet unless they opt in)
      </label>
      {timing?.sentence ? (
        <p className="text-sm text-soft tabular" data-testid="runs-sentence">
          {timing.sentence}.
        </p>
      ) : null}
      {openRedlines ? (
        <p
          role="note"
          className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="redline-warning"
        >
          ⚠ {plural(openRedlines, 'unresolved redline')} from the last run: this plan may still have what they fix.
        </p>
      ) : null}
      <p className="text-xs text-faint tabular">
        T0 = {valid ? `${date} ${time}Z` : '—'}. You become the incident commander and can assign people to roles in the
        war room.
      </p>
      <Button type="submit" variant="primary" disabled={!valid || start.isPending} className="self-start">
        {start.isPending ? 'Creating the war room…' : 'Start the war room'}
      </Button>
    </form>
  );
}
