import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../../http/api-error';
import { Public } from '../../identity/access.decorators';
import { type DashboardAsset, loadDashboardAssets } from './dashboard-assets';

/**
 * The dashboard's static files. Public, because they hold no data: the page signs in with a token
 * and reads everything through the same query endpoints as any client, so Art 17's visibility rules
 * and the access log apply to what it shows exactly as they do to the API.
 */
@ApiExcludeController()
@Controller('dashboard')
export class DashboardController {
  private readonly assets = loadDashboardAssets();

  @Get()
  @Public()
  index(@Res() reply: FastifyReply): void {
    this.send(reply, 'index.html');
  }

  @Get(':asset')
  @Public()
  asset(@Param('asset') name: string, @Res() reply: FastifyReply): void {
    this.send(reply, name);
  }

  private send(reply: FastifyReply, name: string): void {
    const asset: DashboardAsset | undefined = this.assets.get(name);
    if (asset === undefined) throw new ApiError('ROUTE_NOT_FOUND');
    void reply
      .type(asset.type)
      // The page's scripts change with a release: revalidate rather than keep a stale copy.
      .header('cache-control', 'no-cache')
      .send(asset.body);
  }
}
