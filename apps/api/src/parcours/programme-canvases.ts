import { Injectable } from '@nestjs/common';
import { foldProgramme, programmeDecider, programmePeriodsInOrder, type ParcoursState, type ProgrammeCanvas, type ProgrammeEvent } from '@parcours/domain';
import { ReferenceStreamRepository } from '../reference/reference-stream.repository.js';

/**
 * The canvases (periods) of the programmes a person entered. Periods belong to the programme
 * (reference data), so they are read from its stream; with `asKnownAt`, as they were then.
 */
@Injectable()
export class ProgrammeCanvases {
  constructor(private readonly reference: ReferenceStreamRepository) {}

  async for(state: ParcoursState, asKnownAt?: Date): Promise<ProgrammeCanvas[]> {
    const ids = new Set(
      state.facts.filter((f) => f.type === 'ProgrammeEntered' && f.retraction === null).map((f) => String(f.data['programmeId'])),
    );
    const canvases: ProgrammeCanvas[] = [];
    for (const programmeId of ids) {
      const loaded = await this.reference.load(programmeDecider, programmeId);
      if (loaded.revision < 0) continue; // entered a programme not (yet) defined in reference data
      const known = asKnownAt ? loaded.recorded.filter((e) => e.recordedAt.getTime() <= asKnownAt.getTime()) : loaded.recorded;
      const state = foldProgramme(known.map((e) => ({ type: e.type, data: e.data }) as unknown as ProgrammeEvent));
      canvases.push({
        programmeId,
        name: state.definition?.name ?? null,
        periods: programmePeriodsInOrder(state).map(({ periodId, label, span }) => ({ periodId, label, span })),
      });
    }
    return canvases;
  }
}
