import { describe, expect, it } from 'vitest';
import { importOk, item } from './test-support';

describe('commands and expected output', () => {
  it('takes a fenced block nested in the task item as its command, and "Expected:" after it', () => {
    const { template } = importOk(`# R

- [ ] Check row count
  \`\`\`bash
  psql -c "SELECT COUNT(*) FROM document_tags;"
  \`\`\`
  Expected: 150000 rows
- [ ] Next step
`);
    expect(item(template, 'Check row count')).toMatchObject({
      command: 'psql -c "SELECT COUNT(*) FROM document_tags;"',
      expectedOutput: '150000 rows',
    });
    expect(item(template, 'Next step')).toMatchObject({ command: null, expectedOutput: null });
  });

  it('takes the block right after a list as the command of its last item', () => {
    const { template } = importOk(`# R

- [ ] Stop the old service
- [ ] Deploy the API container

\`\`\`bash
docker run -d --name api api:e02-v1.0.0
\`\`\`

Expected output: container id printed

- [ ] Unrelated
`);
    expect(item(template, 'Stop the old service').command).toBeNull();
    expect(item(template, 'Deploy the API container')).toMatchObject({
      command: 'docker run -d --name api api:e02-v1.0.0',
      expectedOutput: 'container id printed',
    });
  });

  it('reads "# Expected:" comments inside the command as the expected output', () => {
    const { template } = importOk(`# R

- [ ] Verify health
  \`\`\`bash
  curl http://api:8080/health
  # Expected: {"status": "healthy"}
  tag-cli --version
  # Expected: tag-cli v1.0.0
  \`\`\`
`);
    expect(item(template, 'Verify health')).toMatchObject({
      command: expect.stringContaining('tag-cli --version'),
      expectedOutput: '{"status": "healthy"}\ntag-cli v1.0.0',
    });
  });

  it('takes a multi-line expected output from a block after "Expected output:"', () => {
    const { template } = importOk(`# R

- [ ] List services
  \`\`\`
  docker compose ps
  \`\`\`
  Expected output:
  \`\`\`
  api      running
  worker   running
  \`\`\`
`);
    expect(item(template, 'List services')).toMatchObject({
      command: 'docker compose ps',
      expectedOutput: 'api      running\nworker   running',
    });
  });

  it('gives nested items their own commands', () => {
    const { template } = importOk(`# R

- [ ] Deploy
  - [ ] Build
    \`\`\`
    make build
    \`\`\`
  - [ ] Ship
    \`\`\`
    make ship
    \`\`\`
`);
    expect(item(template, 'Deploy').command).toBeNull();
    expect(item(template, 'Build').command).toBe('make build');
    expect(item(template, 'Ship').command).toBe('make ship');
  });

  it('does not attach a block separated from the list by prose', () => {
    const { template } = importOk(`# R

- [ ] Open the war room

**Timeline**:
\`\`\`
11:30 - War room opened
\`\`\`
`);
    expect(item(template, 'Open the war room').command).toBeNull();
  });
});
