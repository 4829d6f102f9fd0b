import type { EpisodeView, FactView, ParcoursView } from '@parcours/domain';

/** A parcours as plain text for the terminal: one block per lane, then articulations and indicators. */
export function parcoursText(view: ParcoursView): string {
  const out: string[] = [`Parcours of ${view.pseudonym ?? view.personId} (revision ${view.revision}${view.asLivedAt ? `, as lived at ${view.asLivedAt}` : ''})`];
  for (const [lane, content] of Object.entries(view.lanes)) {
    if (!content.episodes.length && !content.events.length) continue;
    out.push('', `  ${lane}`);
    for (const episode of content.episodes) out.push(`    ${episodeLine(episode)}`);
    for (const event of content.events) out.push(`    ${eventLine(event)}`);
  }
  if (view.articulations.length) {
    out.push('', '  articulations');
    for (const a of view.articulations) {
      const days =
        a.kind === 'referral'
          ? a.days ? `, taken up after ${a.days.days} days` : ''
          : a.days ? ` ${a.relation} ${a.days.days} days` : a.relation === 'unknown' ? '' : ` ${a.relation}`;
      out.push(`    ${a.when.edtf.padEnd(12)} ${a.kind} ${a.fromField ?? '?'} → ${a.toField ?? '?'}${days}${a.successful === null ? '' : a.successful ? ' (followed)' : ' (not followed)'}`);
    }
  }
  for (const period of view.periods) out.push('', `  period "${period.label}": ${period.eventIds.length} facts`);
  const i = view.indicators;
  out.push('', '  indicators');
  if (i.firstHire) out.push(`    first hire ${i.firstHire.afterFirstContact.years} years after first contact (${i.firstHire.when.edtf})`);
  out.push(`    hospitalisations: ${i.hospitalisations.count}${i.hospitalisations.perPersonYear !== null ? ` (${i.hospitalisations.perPersonYear} per person-year)` : ''}`);
  out.push(`    relapses: ${i.relapses.count}, contained: ${i.relapses.contained}`);
  out.push(`    months employed: ${i.monthsEmployed}`);
  return out.join('\n');
}

function episodeLine(e: EpisodeView): string {
  const end = e.end ? e.end.validTime.edtf : e.endStatus === 'open' ? '…' : `? ${e.endedBefore ? `(before ${e.endedBefore.edtf})` : ''}`;
  const where = e.start.organisation?.name ?? e.start.organisation?.role ?? '';
  const outcome = e.end ? Object.entries(e.end.details).filter(([k]) => k !== 'episodeId').map(([, v]) => String(v)).join(', ') : '';
  return `${e.start.validTime.edtf.padEnd(12)} → ${end.padEnd(14)} ${e.kind}${where ? ` at ${where}` : ''}${outcome ? ` [${outcome}]` : ''}`;
}

function eventLine(e: FactView): string {
  return `${e.validTime.edtf.padEnd(12)}   ${''.padEnd(14)} ${e.type}`;
}
