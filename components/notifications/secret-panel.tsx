'use client';

import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import type { CreatedWebhook } from './webhook-form';

/** The signing secret, this once: the server keeps it only to sign and never lists it again. */
export function SecretPanel({ created, onDone }: { created: CreatedWebhook; onDone: () => void }) {
  return (
    <div
      role="status"
      data-testid="webhook-secret-panel"
      className="flex flex-col gap-2 rounded-md border border-emerald-400 bg-emerald-50 p-3 text-sm dark:border-emerald-700 dark:bg-emerald-950"
    >
      <p className="font-medium">
        ✓ Webhook added for <span className="break-all font-mono font-normal">{created.url}</span>. Copy its signing
        secret now — it will not be shown again.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="webhook-secret" className="min-w-0 break-all rounded bg-surface px-2 py-1 font-mono text-sm">
          {created.secret}
        </code>
        <CopyButton text={created.secret} label="Copy secret" />
      </div>
      <p className="text-xs text-soft">
        To verify a delivery, compute the HMAC-SHA256 of the raw request body with this secret and compare it (in
        constant time) with the <code className="break-words">X-WarRoom-Signature: sha256=&lt;hex&gt;</code> header
        before you parse the JSON. Refuse old deliveries by <code>X-WarRoom-Timestamp</code> (Unix seconds, also{' '}
        <code>sentAt</code> in the body).
      </p>
      <details className="text-xs">
        <summary className="cursor-pointer">Check one by hand</summary>
        <pre className="mt-1 overflow-x-auto rounded bg-surface p-2">{`printf '%s' "$RAW_BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* /sha256=/'`}</pre>
      </details>
      <Button onClick={onDone} className="self-start">
        I saved it
      </Button>
    </div>
  );
}
