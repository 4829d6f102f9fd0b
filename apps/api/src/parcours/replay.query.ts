import { Inject } from '@nestjs/common';
import { applyToParcours, emptyParcours, renderParcours, type ParcoursView } from '@parcours/domain';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { Injectable } from '@nestjs/common';
import { PersonHistory } from './person-history.js';
import { ProgrammeCanvases } from './programme-canvases.js';

/** One step of a replay: the path right after one more recorded event. */
export interface ReplayFrame {
  readonly step: number;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly view: ParcoursView;
}

/**
 * Replays a person's path as it was learnt: one frame per recorded event, each the parcours as
 * known right after it. Frames are produced lazily so a long history streams.
 */
@Injectable()
export class ParcoursReplay {
  constructor(
    private readonly history: PersonHistory,
    private readonly canvases: ProgrammeCanvases,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async frames(personId: string, options: { asLivedAt?: string; asKnownAt?: Date; hideCare?: boolean }): Promise<AsyncGenerator<ReplayFrame>> {
    const inputs = await this.history.inputs(personId, options.asKnownAt, options.hideCare ?? false);
    const now = options.asKnownAt ?? this.clock();
    const canvases = this.canvases;
    return (async function* () {
      let state = emptyParcours(personId);
      for (const [step, input] of inputs.entries()) {
        state = applyToParcours(state, input);
        const programmes = await canvases.for(state, new Date(input.recordedAt));
        const view = renderParcours(state, { asLivedAt: options.asLivedAt ?? null, now, programmes });
        yield { step, revision: input.revision, eventId: input.eventId, type: input.type, recordedAt: input.recordedAt, view };
      }
    })();
  }
}
