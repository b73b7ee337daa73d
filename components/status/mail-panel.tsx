'use client';

import { Button } from '@/components/ui/button';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { useSendTestMail, useStatusMailPanel } from './use-status-mail';

/** Beside the share links, for the IC and comms: how many people get status mails, and a test mail. */
export function MailPanel() {
  const { deployment } = useWarRoom();
  const allowed = useCan()('statusmail.manage');
  const { data } = useStatusMailPanel(deployment.id, allowed);
  const test = useSendTestMail(deployment.id);
  if (!allowed || !data) return null;
  return (
    <section aria-labelledby="mail-title" data-testid="status-mail-panel">
      <h2 id="mail-title" className="mb-2 text-lg font-semibold">
        Status mail
      </h2>
      {data.mailEnabled ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="flex-1 text-sm text-muted" data-testid="subscriber-count">
            {data.confirmed === 1 ? '1 confirmed subscriber' : `${data.confirmed} confirmed subscribers`} through the
            status links
          </p>
          <Button onClick={() => test.mutate()} disabled={test.isPending}>
            {test.isPending ? 'Sending…' : 'Send test mail'}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-muted">
          Mail is off on this server (no SMTP_URL): the status page has no subscribe form.
        </p>
      )}
    </section>
  );
}
