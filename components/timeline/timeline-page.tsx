'use client';

import { useState } from 'react';
import { RecordCheck } from '@/components/audit/record-check';
import { FilterTabs } from '@/components/war-room/filter-tabs';
import { useWarRoom, WarRoomProvider } from '@/components/war-room/war-room-context';
import { WarRoomHeader } from '@/components/war-room/war-room-header';
import { deploymentKeys } from '@/lib/client/query-keys';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { plural } from '@/lib/domain/plural';
import {
  CATEGORY_LABEL,
  EVENT_CATEGORIES,
  emphasisOf,
  filterTimeline,
  timelineFacets,
  type EventCategory,
} from '@/lib/domain/timeline';
import { TimelineEntry } from './timeline-entry';
import { useFullHistory } from './use-full-history';

const selectClass = 'min-h-11 rounded-md border border-line-strong bg-surface px-2 text-sm';

function FullTimeline() {
  const { deployment } = useWarRoom();
  const { events, loading, error } = useFullHistory(deployment.id);
  const [role, setRole] = useState('');
  const [person, setPerson] = useState('');
  const [category, setCategory] = useState<EventCategory | ''>('');
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const [decisionsOnly, setDecisionsOnly] = useState(false);
  const roleNames = new Map(deployment.roles.map((r) => [r.key, r.name]));
  const facets = timelineFacets(events);
  const shown = filterTimeline(events, { role, person, category }).filter(
    (e) => !decisionsOnly || emphasisOf(e) !== null,
  );
  const ordered = order === 'newest' ? [...shown].reverse() : shown;
  const filtered = Boolean(role || person || category || decisionsOnly);

  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-xl font-semibold">Timeline</h2>
        <span className="tabular text-sm text-muted" data-testid="timeline-count">
          {filtered ? `${shown.length} of ${plural(events.length, 'event')}` : plural(events.length, 'event')}
        </span>
      </div>
      <RecordCheck
        path={`/api/deployments/${deployment.id}/audit`}
        queryKey={deploymentKeys.recordCheck(deployment.id)}
        noun="event"
        compare
      />
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Filter the timeline"
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          Role
          <select
            className={selectClass}
            value={role}
            onChange={(e) => setRole(e.target.value)}
            data-testid="filter-role"
          >
            <option value="">All roles</option>
            {facets.roles.map((key) => (
              <option key={key} value={key}>
                {roleNames.get(key) ?? key}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Person
          <select
            className={selectClass}
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            data-testid="filter-person"
          >
            <option value="">Everyone</option>
            {facets.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Type
          <select
            className={selectClass}
            value={category}
            onChange={(e) => setCategory(e.target.value as EventCategory | '')}
            data-testid="filter-type"
          >
            <option value="">Everything</option>
            {EVENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={decisionsOnly}
            onChange={(e) => setDecisionsOnly(e.target.checked)}
          />
          Decisions, overrides &amp; rollbacks only
        </label>
        <FilterTabs
          label="Order"
          value={order}
          onChange={setOrder}
          options={[
            { value: 'newest', label: 'Newest first' },
            { value: 'oldest', label: 'Oldest first' },
          ]}
        />
      </form>
      {loading ? <p className="text-muted">Loading the history…</p> : null}
      {error ? (
        <p role="alert" className="text-danger">
          ⚠ {error.message}
        </p>
      ) : null}
      {!loading && shown.length === 0 ? <p className="text-muted">No event matches these filters.</p> : null}
      <ol className="flex flex-col gap-2" data-testid="full-timeline">
        {ordered.map((event) => (
          <TimelineEntry
            key={event.seq}
            event={event}
            goLiveAt={deployment.goLiveAt}
            roleName={event.role ? roleNames.get(event.role) : undefined}
          />
        ))}
      </ol>
    </main>
  );
}

export function TimelinePage({ initial }: { initial: DeploymentDto }) {
  return (
    <WarRoomProvider initial={initial}>
      <WarRoomHeader subtitle="Timeline" />
      <FullTimeline />
    </WarRoomProvider>
  );
}
