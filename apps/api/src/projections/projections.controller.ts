import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionRunner } from './projection-runner.js';
import type { ProjectionStatus } from './projection-status.js';
import { Allow } from '../auth/index.js';

@ApiTags('operations')
@Controller('admin/projections')
export class ProjectionsController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: 'Every projection: state, versions, checkpoint, head, lag, events per second, last error' })
  @ApiOkResponse({ description: '{ projections: [...] }' })
  async list(): Promise<{ projections: ProjectionStatus[] }> {
    return { projections: await this.runner.status() };
  }
}
