import type { HttpCheckSpec } from './checks';

/** The health check the checks tests share: `GET https://api.example.com/health → 200 contains "ok"`. */
export const HEALTH_CHECK: HttpCheckSpec = {
  kind: 'http',
  url: 'https://api.example.com/health',
  method: 'GET',
  expectStatus: 200,
  expectBodyContains: 'ok',
};
