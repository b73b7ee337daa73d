'use client';

import { useState } from 'react';
import { RecordCheck } from '@/components/audit/record-check';
import { Button } from '@/components/ui/button';
import { userKeys } from '@/lib/client/query-keys';
import type { AccountEventDto } from '@/lib/contracts/users';
import { accountEventIsOwn, accountEventLabel } from '@/lib/domain/account-events';
import { formatUtc } from '@/lib/domain/clock';
import { useAccountHistory } from './use-account-history';

type Person = { id: string; name: string; email: string };

/** Who made, invited, deactivated or promoted whom: the admin's record of the accounts. */
export function AccountHistory({
  initial,
  people,
}: {
  initial: { events: AccountEventDto[]; nextBefore: string | null };
  /** Whose history can be picked: the people the People table shows (its search finds others). */
  people: Person[];
}) {
  const [person, setPerson] = useState<Person | null>(null);
  const personId = person?.id ?? null;
  // The person picked stays pickable when a new search leaves them out of the table.
  const choices = person && !people.some((p) => p.id === person.id) ? [person, ...people] : people;
  const { events, loading, hasOlder, loadOlder, loadingOlder } = useAccountHistory(initial, personId);
  return (
    <section aria-labelledby="history-heading">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Account history
        </h2>
        {/* A plain download (not a client route): GET /api/account-events.csv, for an auditor's spreadsheet. */}
        <a
          href={`/api/account-events.csv${personId ? `?person=${encodeURIComponent(personId)}` : ''}`}
          download
          className="text-sm text-link hover:underline"
          data-testid="download-account-history"
        >
          ⤓ Download CSV
        </a>
        <label className="ml-auto flex items-center gap-2 text-sm">
          Whose
          <select
            value={personId ?? ''}
            onChange={(e) => setPerson(choices.find((p) => p.id === e.target.value) ?? null)}
            className="min-h-9 max-w-56 rounded-md border border-line-strong bg-surface px-2"
          >
            <option value="">Everyone</option>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name} ({choice.email})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mb-2">
        <RecordCheck path="/api/account-events/verify" queryKey={userKeys.recordCheck} noun="line" />
      </div>
      {!loading && events.length === 0 ? <p className="text-sm text-faint">Nothing yet.</p> : null}
      <ol className="flex flex-col divide-y divide-line text-sm">
        {events.map((event) => (
          <li key={event.id} data-testid="account-event" className="flex flex-wrap items-baseline gap-x-3 py-2">
            <time dateTime={event.at} className="text-xs tabular-nums text-faint">
              {formatUtc(new Date(event.at))}
            </time>
            <span>
              <span className="font-medium">{event.actorName}</span> {accountEventLabel(event.type, event.payload)}
              {accountEventIsOwn(event.type, event.payload) ? (
                <span className="text-faint"> · {event.subject}</span>
              ) : (
                <span className="font-medium"> {event.subject}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      {hasOlder ? (
        <Button type="button" variant="ghost" className="mt-2" disabled={loadingOlder} onClick={loadOlder}>
          Show older
        </Button>
      ) : null}
    </section>
  );
}
