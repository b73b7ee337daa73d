/** See content-security-policy.mjs. */
export function contentSecurityPolicy(options?: { nonce?: string; dev?: boolean }): string;
