import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
  ) {}

  /** 200 when every dependency answers, 503 with the failing one otherwise. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore.check('eventStore')]);
  }
}
