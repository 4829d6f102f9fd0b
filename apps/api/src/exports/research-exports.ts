import { Inject, Injectable } from '@nestjs/common';
import { exportFileName, exportMetadata, researchExport, type ResearchExport } from '@parcours/domain';
import { CohortAnalytics } from '../cohorts/cohort-analytics.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { EXPORT_KEY, type ExportKey } from './export-key.js';
import type { ExportRequest } from './export-request.js';
import { projectPseudonymiser, PSEUDONYM_METHOD } from './pseudonymiser.js';
import { softwareVersion } from './software-version.js';

export interface PreparedExport {
  readonly file: ResearchExport;
  readonly fileName: string;
  readonly metadata: Record<string, unknown>;
}

const SOFTWARE = softwareVersion();

/**
 * Research files of a cohort for one project: the members at the projection's checkpoint, only
 * those with research consent, under the project's pseudonyms (the keyed hash stays here, in the
 * shell; the domain writer only sees the function).
 */
@Injectable()
export class ResearchExports {
  constructor(
    private readonly cohorts: CohortAnalytics,
    @Inject(EXPORT_KEY) private readonly key: ExportKey,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether pseudonyms link across runs (a configured key), for the CLI's warning. */
  get stablePseudonyms(): boolean {
    return this.key.stable;
  }

  async prepare(cohortId: string, request: ExportRequest): Promise<PreparedExport> {
    const cohort = await this.cohorts.load(cohortId);
    const file = researchExport({
      kind: request.kind,
      ...(request.field ? { field: request.field } : {}),
      originRule: request.originRule,
      cutoff: cohort.cutoff,
      members: cohort.members,
      pseudonymise: projectPseudonymiser(this.key, request.project),
    });
    const metadata = exportMetadata({
      export: file,
      cohort: { id: cohortId, definition: cohort.definition },
      originRule: request.originRule,
      cutoff: cohort.cutoff,
      generatedAt: this.clock(),
      pseudonymisation: { method: PSEUDONYM_METHOD, project: request.project, stable: this.key.stable },
      software: SOFTWARE,
    });
    return { file, fileName: exportFileName(request.kind, request.field, 'csv'), metadata: { ...metadata, readModelPosition: cohort.position } };
  }
}
