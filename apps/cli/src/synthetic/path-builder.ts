import type { EpisodeKind, PersonEventType } from '@parcours/domain';
import type { Day } from './calendar.js';
import type { OrganisationName, Provenance } from './cohort-line.js';
import type { DateStyle, DateWindow } from './edtf-render.js';
import type { PersonProfile } from './person-profile.js';
import type { Rng } from './random.js';
import { uuidV7 } from './uuid-v7.js';

/** A fact before it is told: its true day, made vague only when the path is rendered. */
export interface Draft {
  readonly eventId: string;
  readonly type: PersonEventType;
  readonly day: Day;
  readonly provenance: Provenance;
  readonly organisation?: OrganisationName | undefined;
  readonly note?: string | undefined;
  readonly data: Record<string, unknown>;
  readonly role?: 'start' | 'end' | undefined;
  /** Facts told together share one coarse date, each one `after` the previous. */
  readonly group?: number | undefined;
  readonly after?: string | undefined;
  readonly style?: DateStyle | undefined;
  /** A date told wrongly at first (fixed later by an EventCorrected). */
  occurredAt?: string;
  /** For an EventCorrected: its target and the date it gives; the replacement is built on rendering. */
  correction?: { readonly targetEventId: string; readonly occurredAt: string };
}

export interface Episode {
  readonly kind: EpisodeKind;
  readonly episodeId: string;
  readonly startDay: Day;
  readonly organisation?: OrganisationName | undefined;
}

export interface EmitOptions {
  readonly day?: Day;
  readonly provenance?: Provenance;
  readonly organisation?: OrganisationName | undefined;
  readonly note?: string | undefined;
  readonly style?: DateStyle;
}

interface Scheduled {
  readonly day: Day;
  readonly seq: number;
  readonly run: (b: PathBuilder) => void;
}

/**
 * Builds one person's path as a small discrete-event simulation: stories emit facts at the
 * current day and schedule what follows (an end, a consequence) on an agenda, so that facts are
 * recorded roughly in the order they happen and episodes of every lane interleave.
 */
export class PathBuilder {
  readonly drafts: Draft[] = [];
  /** Every episode started, open or not: what articulations and costs refer to. */
  readonly episodes: Episode[] = [];
  private readonly open = new Set<Episode>();
  private readonly agenda: Scheduled[] = [];
  private seq = 0;
  private groups = 0;
  private group: { id: number; last: string | undefined } | undefined;
  private idClock: number;
  day: Day;
  housing: string | undefined;
  income: string | undefined;
  /** Lost to follow-up: most stories wait for the resumption. */
  lost = false;
  /** Days of notable moments (last release, last psychiatric stay...) and the programme of each workshop. */
  readonly memory = new Map<string, number>();
  readonly programmes = new Map<Episode, string>();

  constructor(
    readonly rng: Rng,
    readonly profile: PersonProfile,
    readonly window: DateWindow,
    idClockStart: number,
  ) {
    this.idClock = idClockStart;
    this.day = profile.entryDay;
  }

  id(): string {
    return uuidV7(this.rng, this.idClock++);
  }

  provenance(): Provenance {
    return this.rng.weighted(this.profile.sources);
  }

  emit(type: PersonEventType, data: Record<string, unknown>, options: EmitOptions = {}, role?: 'start' | 'end'): Draft {
    const day = Math.min(Math.max(options.day ?? this.day, this.window.min), this.window.max);
    const draft: Draft = {
      eventId: this.id(),
      type,
      day,
      provenance: options.provenance ?? this.provenance(),
      organisation: options.organisation,
      note: options.note,
      data,
      role,
      group: this.group?.id,
      after: this.group?.last,
      style: options.style,
    };
    if (this.group) this.group.last = draft.eventId;
    this.drafts.push(draft);
    return draft;
  }

  start(kind: EpisodeKind, type: PersonEventType, data: Record<string, unknown>, options: EmitOptions = {}): Episode {
    const episodeId = this.id();
    const draft = this.emit(type, { episodeId, ...data }, options, 'start');
    const episode: Episode = { kind, episodeId, startDay: draft.day, organisation: options.organisation };
    this.episodes.push(episode);
    this.open.add(episode);
    return episode;
  }

  /** Ends an open episode (never before its start); nothing when it has ended already. */
  end(episode: Episode, type: PersonEventType, data: Record<string, unknown>, options: EmitOptions = {}): Draft | undefined {
    if (!this.open.delete(episode)) return undefined;
    const day = Math.max(options.day ?? this.day, episode.startDay);
    return this.emit(type, { episodeId: episode.episodeId, ...data }, { organisation: episode.organisation, ...options, day }, 'end');
  }

  /** The end of this episode will never be told: it stays without an end, but no longer blocks new ones. */
  leaveUnended(episode: Episode): void {
    this.open.delete(episode);
  }

  openOf(kind: EpisodeKind): Episode | undefined {
    for (const e of this.open) if (e.kind === kind) return e;
    return undefined;
  }

  isOpen(episode: Episode): boolean {
    return this.open.has(episode);
  }

  /** Facts the source tells together: one coarse date, chained by `after` in the order told. */
  together(work: () => void): void {
    if (this.group) return work();
    this.group = { id: (this.groups += 1), last: undefined };
    try {
      work();
    } finally {
      this.group = undefined;
    }
  }

  /** Runs `run` in `days` days, unless that is past the last year: then the episode stays open. */
  schedule(days: number, run: (b: PathBuilder) => void): void {
    const day = this.day + Math.max(0, Math.round(days));
    if (day <= this.window.max) this.agenda.push({ day, seq: (this.seq += 1), run });
  }

  get pending(): number {
    return this.agenda.length;
  }

  /** Runs what is due up to `until`, in day order, including what those runs schedule. */
  runDue(until: Day): void {
    for (;;) {
      let next: Scheduled | undefined;
      for (const s of this.agenda) if (s.day <= until && (!next || s.day < next.day || (s.day === next.day && s.seq < next.seq))) next = s;
      if (!next) return;
      this.agenda.splice(this.agenda.indexOf(next), 1);
      this.day = Math.max(this.day, next.day);
      next.run(this);
    }
  }
}
