import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/server/auth/auth';
import { guardAuthRequest } from '@/lib/server/auth/auth-guards';
import { errorResponse } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => toNextJsHandler(getAuth()).GET(request);
export const POST = async (request: Request) => {
  // Closed sign-up, demo passwords beyond loopback, deactivated accounts: see auth-guards.
  try {
    await guardAuthRequest(request);
  } catch (error) {
    return errorResponse(error, request);
  }
  return toNextJsHandler(getAuth()).POST(request);
};
