'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { MAX_REASON_LENGTH } from '@/lib/schemas/lifecycle';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const field = 'min-h-11 rounded-md border border-line-strong bg-field px-3 text-base';

type Props = {
  /** The current T0 (ISO, UTC): the form starts from it. */
  goLiveAt: string;
  busy?: boolean;
  onConfirm: (input: { goLiveAt: string; reason?: string }) => void;
  onClose: () => void;
};

/**
 * The IC moves T0 before the go-live starts. The timeline, the status page, its feed and its
 * calendar entry all follow; the reason (optional) stays on the timeline only.
 */
export function RescheduleDialog({ goLiveAt, busy, onConfirm, onClose }: Props) {
  const [date, setDate] = useState(goLiveAt.slice(0, 10));
  const [time, setTime] = useState(goLiveAt.slice(11, 16));
  const [reason, setReason] = useState('');
  const next = `${date}T${time}:00Z`;
  const valid = TIME.test(time) && !Number.isNaN(Date.parse(next));
  const changed = valid && new Date(next).getTime() !== new Date(goLiveAt).getTime();
  return (
    <Dialog title="Move the go-live" onClose={onClose} testId="reschedule-dialog">
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (changed && !busy) onConfirm({ goLiveAt: next, reason: reason.trim() || undefined });
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm font-medium">
            New date (UTC)
            <input
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              required
              className={cn(field, 'tabular')}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            New time (UTC, 24 h)
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
        <label className="flex flex-col gap-1 text-sm font-medium">
          Why (optional, timeline only)
          <textarea
            rows={2}
            maxLength={MAX_REASON_LENGTH}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="rounded-md border border-line-strong bg-field px-3 py-2 text-base font-normal"
            name="reason"
          />
        </label>
        <p className="text-sm text-muted">
          Stakeholders see the new time on the status page, in its feed and in their calendar.
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose} className="min-h-11">
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={!changed || busy} className="min-h-11 disabled:opacity-50">
            Move go-live
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
