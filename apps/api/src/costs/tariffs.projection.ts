import type Database from 'better-sqlite3';
import { TARIFF_CATEGORY, type TariffBasis, type TariffEpisodeKind, type TariffEventData } from '@parcours/domain';
import { categoryOf, idOf } from '@parcours/event-store';
import { preparedFor } from '../projections/prepared-statements.js';
import type { ProjectionDefinition, TableNamer } from '../projections/index.js';
import type { Tariff } from '@parcours/domain';

/**
 * The tariffs read model: one row per tariff stream (`tariff-<uuid>`) with its latest values and
 * its withdrawal, if any. Cost views read this table instead of loading every tariff stream.
 * Withdrawn tariffs stay: they priced the days before their withdrawal.
 * Version history: 1 — tariffs.
 */
export const tariffsProjection: ProjectionDefinition = {
  name: 'tariffs',
  version: 1,
  createTables(db, table) {
    db.exec(`CREATE TABLE ${table('tariffs')} (
      tariff_id        TEXT PRIMARY KEY,
      episode_kind     TEXT NOT NULL,
      setting          TEXT,
      organisation_id  TEXT,
      basis            TEXT NOT NULL,
      amount           TEXT NOT NULL,
      amount_cents     INTEGER NOT NULL,
      currency         TEXT NOT NULL,
      funder           TEXT NOT NULL,
      valid_from       TEXT NOT NULL,
      valid_to         TEXT,
      illustrative     INTEGER NOT NULL,
      source           TEXT,
      versions         INTEGER NOT NULL,
      withdrawn_at     TEXT,
      withdrawn_reason TEXT
    ) STRICT`);
  },
  applyBatch(db, table, events) {
    const rows = statements(db, table);
    for (const event of events) {
      if (categoryOf(event.streamId) !== TARIFF_CATEGORY) continue;
      const tariffId = idOf(event.streamId);
      // Data as stored passed the catalogue's schema (version 1, the only one so far). A future
      // event type comes with a new version of this projection; until then it changes nothing.
      if (event.type === 'TariffSet') rows.set(tariffId, event.data as unknown as TariffEventData<'TariffSet'>);
      else if (event.type === 'TariffWithdrawn') rows.withdraw(tariffId, event.data as unknown as TariffEventData<'TariffWithdrawn'>);
    }
  },
};

interface TariffRow {
  tariff_id: string;
  episode_kind: string;
  setting: string | null;
  organisation_id: string | null;
  basis: string;
  amount_cents: number;
  currency: string;
  funder: string;
  valid_from: string;
  valid_to: string | null;
  illustrative: number;
  source: string | null;
  withdrawn_at: string | null;
}

/** Every tariff, withdrawn or not, from the active version's table. */
export function loadTariffs(db: Database.Database, table: TableNamer): Tariff[] {
  return db
    .prepare<[], TariffRow>(`SELECT * FROM ${table('tariffs')} ORDER BY tariff_id`)
    .all()
    .map((row) => ({
      tariffId: row.tariff_id,
      episodeKind: row.episode_kind as TariffEpisodeKind,
      setting: row.setting,
      organisationId: row.organisation_id,
      basis: row.basis as TariffBasis,
      amountCents: row.amount_cents,
      currency: row.currency,
      funder: row.funder,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      withdrawnAt: row.withdrawn_at,
      illustrative: row.illustrative === 1,
      source: row.source,
    }));
}

function statements(db: Database.Database, table: TableNamer) {
  return preparedFor(db, table('tariffs'), prepare);
}

function prepare(db: Database.Database, name: string) {
  const upsert = db.prepare(
    `INSERT INTO ${name} (tariff_id, episode_kind, setting, organisation_id, basis, amount, amount_cents, currency, funder, valid_from, valid_to, illustrative, source, versions)
     VALUES (@tariffId, @episodeKind, @setting, @organisationId, @basis, @amount, @amountCents, @currency, @funder, @validFrom, @validTo, @illustrative, @source, 1)
     ON CONFLICT (tariff_id) DO UPDATE SET episode_kind = excluded.episode_kind, setting = excluded.setting, organisation_id = excluded.organisation_id,
       basis = excluded.basis, amount = excluded.amount, amount_cents = excluded.amount_cents, currency = excluded.currency, funder = excluded.funder,
       valid_from = excluded.valid_from, valid_to = excluded.valid_to, illustrative = excluded.illustrative, source = excluded.source, versions = versions + 1`,
  );
  const withdraw = db.prepare<[string, string, string]>(`UPDATE ${name} SET withdrawn_at = ?, withdrawn_reason = ? WHERE tariff_id = ?`);
  return {
    set(tariffId: string, t: TariffEventData<'TariffSet'>): void {
      upsert.run({
        tariffId,
        episodeKind: t.episodeKind,
        setting: t.setting ?? null,
        organisationId: t.organisationId ?? null,
        basis: t.basis,
        amount: t.amount,
        amountCents: t.amountCents,
        currency: t.currency,
        funder: t.funder,
        validFrom: t.validFrom,
        validTo: t.validTo ?? null,
        illustrative: t.illustrative ? 1 : 0,
        source: t.source ?? null,
      });
    },
    withdraw(tariffId: string, w: TariffEventData<'TariffWithdrawn'>): void {
      withdraw.run(w.at, w.reason, tariffId);
    },
  };
}
