import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import type { Request, Response } from 'express';
import type { Context } from '../context.ts';
import { scorecardCsv } from '../export/scorecard-csv.ts';
import { scorecardPdf } from '../export/scorecard-pdf.ts';
import { createCaller } from '../router.ts';
import { INTERNAL_ERROR_MESSAGE } from '../trpc.ts';
import type { ErrorBody } from './error-body.schema.ts';

/**
 * GET /export/scorecard.csv and .pdf: the scorecard procedure, with the caller's own session or
 * token, rendered as a file. Permission checks are the procedure's; nothing is bypassed.
 */
export function scorecardExport(format: 'csv' | 'pdf', context: (req: Request, res: Response) => Promise<Context>) {
  return async (req: Request, res: Response) => {
    let ctx: Context | undefined;
    try {
      // Inside the try: a context refused (an address past its unknown-token limit) is answered here.
      ctx = await context(req, res);
      // The same period choice as the page (`?period=` or `?from=&to=`), checked by the procedure.
      const pick = (key: string) => (typeof req.query[key] === 'string' ? req.query[key] : undefined);
      const params = Object.fromEntries(
        Object.entries({ period: pick('period'), from: pick('from'), to: pick('to') }).filter(([, v]) => v !== undefined),
      );
      const scorecard = await createCaller(ctx).scorecard.get(params);
      const stamp = scorecard.generatedAt.slice(0, 10);
      res.setHeader('Cache-Control', 'no-store');
      res.attachment(`scorecard-${stamp}.${format}`);
      if (format === 'csv') res.type('text/csv; charset=utf-8').send(scorecardCsv(scorecard));
      else res.type('application/pdf').send(await scorecardPdf(scorecard));
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      // A failure of the server's own, such as a scorecard that fails its output schema: its detail is logged, never sent.
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      if (internal) (ctx?.log ?? console.error)(`[api] scorecard.${format} failed: ${(error.cause ?? error).stack ?? error.message}`);
      res
        .status(getHTTPStatusCodeFromError(error))
        .json({ error: { message: internal ? INTERNAL_ERROR_MESSAGE : error.message, code: error.code } } satisfies ErrorBody);
    }
  };
}
