import type { AnyTRPCRouter } from '@trpc/server';
import { incomingMessageToRequest, internal_exceptionHandler, type NodeHTTPHandlerOptions } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { Request, RequestHandler, Response } from 'express';

/**
 * tRPC's Express adapter, answering in one write. The library's pipes each answer through a web
 * stream into the response and ends it a tick later: two socket writes and a chunked body per call
 * where one write with a length will do. Nothing here streams (the web app and the client send
 * plain batched JSON), so the answer is read whole and sent at once. Everything else is tRPC's
 * own: resolveResponse, and the same last-resort error answer.
 */
export function trpcMiddleware<TRouter extends AnyTRPCRouter>(
  opts: NodeHTTPHandlerOptions<TRouter, Request, Response> & {
    /**
     * Told of every answer just before it is sent (kept-answers.ts keeps the ones it may send
     * again); what it returns is sent instead.
     */
    sending?: (req: Request, res: Response, status: number, body: Buffer) => { status: number; body: Buffer } | undefined;
  },
): RequestHandler {
  return (req, res) => {
    const path = req.path.slice(req.path.lastIndexOf('/') + 1);
    const handle = async () => {
      const request =
        req.method === 'GET' ? queryRequest(req) : incomingMessageToRequest(req, res, { maxBodySize: opts.maxBodySize ?? null });
      const response = await resolveResponse({
        ...opts,
        req: request,
        path,
        error: null,
        createContext: async (inner) => opts.createContext?.({ req, res, ...inner }),
        onError: (o) => opts.onError?.({ ...o, req }),
      });
      const answered = Buffer.from(await response.arrayBuffer());
      const { status, body } = opts.sending?.(req, res, response.status, answered) ?? { status: response.status, body: answered };
      res.statusCode = status;
      for (const [key, value] of response.headers) if (key !== 'set-cookie') res.setHeader(key, value);
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) res.append('Set-Cookie', cookies);
      res.setHeader('Content-Length', body.length);
      res.end(body);
    };
    handle().catch(internal_exceptionHandler({ ...opts, req, res, path }));
  };
}

/** The request headers tRPC itself reads; procedures read the Express request, through the context. */
const TRPC_HEADERS = ['accept', 'trpc-accept', 'content-type'] as const;

/**
 * A GET (a query: no body) as the Request tRPC reads, built with only what it reads. tRPC's own
 * conversion copies every header and ties an abort signal to the connection, for answers that
 * stream; none here do, and no procedure reads the signal. (In a CPU profile of kpi.list, the
 * Request, its headers and abort signals were the largest part of the time tRPC added.)
 */
function queryRequest(req: Request): globalThis.Request {
  const headers: Record<string, string> = {};
  for (const name of TRPC_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return new globalThis.Request(`http://${req.headers.host ?? 'localhost'}${req.originalUrl}`, { headers });
}
