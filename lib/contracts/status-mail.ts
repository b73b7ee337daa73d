/** GET /api/deployments/:id/subscriptions: the share panel's mail line for the IC and comms. */
export type StatusMailPanelDto = { mailEnabled: boolean; confirmed: number };

/** POST /api/deployments/:id/subscriptions/test-mail → 202. */
export type StatusTestMailDto = { queued: true; to: string };

/** POST /api/status/:token/subscriptions → 202, the same for every address. */
export type StatusSubscribeDto = { ok: true };
