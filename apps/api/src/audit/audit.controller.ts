import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/index.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { utcDay } from './audit-entry.js';
import { AuditLog, type AuditPage } from './audit-log.js';
import { AuditQueryDto } from './audit-query.dto.js';
import { Audited } from './audited.decorator.js';

@ApiTags('operations')
@Controller('admin/audit')
export class AuditController {
  constructor(
    private readonly log: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Allow('admin')
  // Reading the trail is itself recorded: it tells who looked at whose accesses, and an admin
  // looking up a person here learns that person's care and research contacts.
  @Audited('audit.read')
  @ApiHeader({ name: 'X-Purpose', required: false, description: 'Why the trail is read (1-200 printable characters)' })
  @ApiOperation({ summary: 'The audit trail of one UTC day: every read of individual data and every export (who, what, when, why, outcome)' })
  async list(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.log.page(query.date ?? utcDay(this.clock()), { personId: query.personId, sub: query.sub }, query.fromRevision ?? 0, query.limit ?? 100);
  }
}
