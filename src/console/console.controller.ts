import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/actor.js';
import { type ConsoleAssets, type ConsoleFile, loadConsoleAssets } from './console-assets.js';

/**
 * Serves the review console: the page at /console and at every /console/… client route, its scripts and stylesheet,
 * and the Preact and htm modules. No data is served here: the page reads everything through /api/v1 with the
 * signed-in person's session, so these routes need no authentication.
 */
@ApiExcludeController()
@Controller('console')
export class ConsoleController {
  private readonly assets: ConsoleAssets = loadConsoleAssets();

  @Get()
  @Public()
  page(@Res() res: Response): void {
    this.sendPage(res);
  }

  @Get('*path')
  @Public()
  file(@Req() req: Request, @Res() res: Response): void {
    const segments = (req.params as { path?: string | string[] }).path;
    const path = Array.isArray(segments) ? segments.join('/') : (segments ?? '');
    const file = this.assets.files.get(path);
    if (file) return this.send(res, file);
    // A missing script or stylesheet is a 404; any other path is a client route of the page.
    if (/\.[a-z0-9]+$/i.test(path)) {
      res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'No such console file' });
      return;
    }
    this.sendPage(res);
  }

  private sendPage(res: Response): void {
    // The page's own policy: helmet's, plus the hash of its import map (see consolePageCsp).
    res.setHeader('Content-Security-Policy', this.assets.indexCsp);
    this.send(res, this.assets.index);
  }

  private send(res: Response, file: ConsoleFile): void {
    res.setHeader('Content-Type', file.contentType);
    // Revalidated on every load (express answers 304 from the ETag), so a new release is picked up at once.
    res.setHeader('Cache-Control', 'no-cache');
    res.send(file.body);
  }
}
