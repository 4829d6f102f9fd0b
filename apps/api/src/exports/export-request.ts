import { exportParameterProblem, type ExportKind } from '@parcours/domain';
import type { OriginRule, SequenceField } from '@parcours/domain';
import { BadRequestParameterError } from '../application/application-errors.js';
import { PROJECT_PATTERN } from './pseudonymiser.js';

export interface ExportRequest {
  readonly kind: ExportKind;
  readonly field: SequenceField | undefined;
  readonly project: string;
  readonly originRule: OriginRule;
}

/**
 * Checks what an export asks for, naming the parameter at fault (400): the same rules for the
 * API and the CLI. Called before the cohort is loaded, so a bad request costs nothing.
 */
export function exportRequest(kind: string, field: string | undefined, project: string | undefined, origin: string | undefined): ExportRequest {
  const problem = exportParameterProblem(kind, field);
  if (problem) throw new BadRequestParameterError(problem.parameter, problem.parameter === 'kind' ? 'isIn' : 'field', problem.message);
  if (project === undefined || project === '') throw new BadRequestParameterError('project', 'required', 'is required: the research project the pseudonyms are for');
  if (!PROJECT_PATTERN.test(project)) throw new BadRequestParameterError('project', 'matches', 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  if (origin !== undefined && origin !== 'entry' && origin !== 'first_contact') throw new BadRequestParameterError('origin', 'isIn', 'must be entry or first_contact');
  return { kind: kind as ExportKind, field: field as SequenceField | undefined, project, originRule: origin ?? 'entry' };
}

/** `spells.csv` → the kind and the extension; anything else names `kind`. */
export function exportFile(file: string): { kind: string; extension: 'csv' | 'json' } {
  const match = /^([a-z]+)\.(csv|json)$/.exec(file);
  if (!match) throw new BadRequestParameterError('kind', 'isIn', 'must be a file name <kind>.csv or <kind>.json');
  return { kind: match[1]!, extension: match[2] as 'csv' | 'json' };
}
