import { describe, expect, it } from 'vitest';
import { redisNamespaceOf } from '@/lib/server/redis-namespace';

describe('the Redis namespace of an installation', () => {
  it('names the database, so a copy on the same server or a namesake on another is apart', () => {
    const production = redisNamespaceOf('postgresql://app:secret@db.internal:5432/warroom');
    expect(production).toBe('warroom:db.internal:5432/warroom');
    expect(redisNamespaceOf('postgresql://app:secret@db.internal/warroom_staging')).toBe(
      'warroom:db.internal:5432/warroom_staging',
    );
    expect(redisNamespaceOf('postgresql://app:secret@staging-db:5432/warroom')).not.toBe(production);
  });

  it('is the same for every process of one installation, whatever its credentials', () => {
    expect(redisNamespaceOf('postgresql://other:pw@db.internal:5432/warroom?sslmode=require')).toBe(
      redisNamespaceOf('postgresql://app:secret@db.internal:5432/warroom'),
    );
  });

  it('never carries the password', () => {
    expect(redisNamespaceOf('postgresql://app:hunter2@db/warroom')).not.toContain('hunter2');
  });
});
