import type { SequenceField } from '../sequences/alphabet.js';
import { exportFileName, type ExportKind } from './export-kinds.js';

/** The R lines that load a file (docs/research-exports.md explains them), for its metadata. */
export function rCodeFor(kind: ExportKind, field: SequenceField | undefined): string {
  const file = exportFileName(kind, field, 'csv');
  const alphabet = `alphabet <- read.csv("${exportFileName('alphabet', field, 'csv')}", colClasses = "character")`;
  switch (kind) {
    case 'sequences':
      return [
        'library(TraMineR)',
        alphabet,
        `a <- alphabet[alphabet$field == "${field ?? ''}", ]`,
        `wide <- read.csv("${file}", colClasses = "character", row.names = "id")`,
        'seqs <- seqdef(wide, alphabet = a$code, labels = a$label, cpal = a$colour, missing = "*")',
      ].join('\n');
    case 'spells':
      return [
        'library(TraMineR)',
        `spells <- read.csv("${file}", colClasses = c(id = "character", field = "character", status = "character"))`,
        'employment <- spells[spells$field == "employment", ]',
        'sts <- seqformat(employment, from = "SPELL", to = "STS", id = "id", begin = "begin", end = "end", status = "status",',
        '                 process = FALSE, tmin = 1, tmax = max(employment$end))',
      ].join('\n');
    case 'events':
      return ['library(TraMineR)', `events <- read.csv("${file}", stringsAsFactors = TRUE)`, 'eseq <- seqecreate(events)'].join('\n');
    case 'persons':
      return `persons <- read.csv("${file}", colClasses = c(id = "character"))`;
    case 'alphabet':
      return alphabet;
    case 'survival':
      return [
        'library(survival)',
        `surv <- read.csv("${file}", colClasses = c(id = "character"))`,
        'fit <- survfit(Surv(time, event) ~ 1, data = surv)',
      ].join('\n');
  }
}
