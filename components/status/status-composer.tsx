'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { MAX_STATUS_MESSAGE_LENGTH } from '@/lib/schemas/status';
import { usePostStatus } from './use-status-actions';

/**
 * A headline for everyone outside the room (status page, webhooks, timeline). The draft stays
 * in the box until the server took it, so a failed post loses nothing.
 */
export function StatusComposer() {
  const { deployment } = useWarRoom();
  const toast = useToast();
  const [message, setMessage] = useState('');
  const allowed = useCan()('status.post');
  const post = usePostStatus(deployment.id, (text) => {
    setMessage((current) => (current.trim() === text ? '' : current));
    toast.info('Status update posted.');
  });
  if (!allowed) return null;
  const text = message.trim();
  return (
    <section aria-labelledby="status-update-title">
      <h2 id="status-update-title" className="mb-2 text-lg font-semibold">
        Post a status update
      </h2>
      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (text) post.mutate(text);
        }}
      >
        <label htmlFor="status-update" className="sr-only">
          Status update
        </label>
        <textarea
          id="status-update"
          rows={2}
          maxLength={MAX_STATUS_MESSAGE_LENGTH}
          placeholder="Canary at 25 %, all metrics green"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          className="w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm"
        />
        <div className="flex items-center justify-between gap-2">
          <span className="tabular text-xs text-faint">
            {message.length}/{MAX_STATUS_MESSAGE_LENGTH} · goes to the status page and notifications
          </span>
          <Button type="submit" variant="primary" disabled={!text || post.isPending}>
            {post.isPending ? 'Posting…' : 'Post update'}
          </Button>
        </div>
      </form>
    </section>
  );
}
