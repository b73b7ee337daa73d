/**
 * What crosses the wire: request and response bodies and socket payloads, typed with the domain's
 * unions. Shared by the server that builds them and the browser that reads them; types only, so
 * importing this never pulls server code into a bundle.
 */
export type * from './deployments';
export type * from './gates';
export type * from './items';
export type * from './metrics';
export type * from './people';
export type * from './realtime';
export type * from './share-links';
export type * from './templates';
export type * from './users';
export type * from './webhooks';
export type * from './redlines';
export type * from './status-mail';
export type * from './audit';
