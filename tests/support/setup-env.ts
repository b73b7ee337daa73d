import { inject } from 'vitest';

// Test files use the factories (lib/server/seed) against the same database the server uses.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.WARROOM_ADMIN_TOKEN = inject('adminToken');
process.env.AUDIT_KEY = inject('auditKey');
