'use client';

import { useState, type Ref } from 'react';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

type Props = {
  ref: Ref<HTMLTextAreaElement>;
  value: string;
  onChange: (text: string) => void;
  onFile: (file: File) => void;
  tooBig: boolean;
};

/** The Markdown: typed or pasted, dropped onto the box, or chosen with the file picker. */
export function RunbookSource({ ref, value, onChange, onFile, tooBig }: Props) {
  const [dragging, setDragging] = useState(false);
  const lines = value ? value.split('\n').length : 0;
  return (
    <div className="flex flex-col gap-2">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files?.[0];
          if (file) onFile(file);
        }}
        className={cn(
          'rounded-lg border-2',
          dragging ? 'border-sky-500 bg-sky-50 dark:bg-sky-950' : 'border-transparent',
        )}
      >
        <label htmlFor="runbook-markdown" className="sr-only">
          Runbook Markdown
        </label>
        <textarea
          id="runbook-markdown"
          ref={ref}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          rows={18}
          placeholder={
            '# Checkout go-live\n\n## Pre-flight (T-30 minutes)\n\n- [ ] Take a verified backup @dba\n- [ ] Smoke suite green on staging @qa'
          }
          className="h-[22rem] w-full resize-y rounded-md border border-line-strong bg-field p-3 font-mono text-xs leading-5 lg:h-[32rem]"
        />
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className={buttonClass('secondary', 'cursor-pointer')}>
          Choose a .md file
          <input
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              e.target.value = '';
            }}
          />
        </label>
        <span className="text-faint">or drop it on the box above</span>
        <span className={cn('ml-auto text-xs tabular', tooBig ? 'font-semibold text-danger' : 'text-faint')}>
          {tooBig ? '⚠ Larger than 1 MB — split the runbook' : `${lines} lines`}
        </span>
      </div>
    </div>
  );
}
