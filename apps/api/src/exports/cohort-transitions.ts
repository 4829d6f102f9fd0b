import { Injectable } from '@nestjs/common';
import { publishedCount, publishedDeep } from '@parcours/domain';
import {
  FIELD_ALPHABETS,
  ORIGIN_RULE_MEANINGS,
  personSequence,
  precedenceRule,
  protectedDistribution,
  protectedTransitions,
  toStateSequence,
  type OriginRule,
  type SequenceField,
} from '@parcours/domain';
import { CohortAnalytics } from '../cohorts/cohort-analytics.js';

/**
 * The evaluator's view of a cohort's monthly sequences in one field: transition rates
 * (seqtrate) and the state distribution of each month (seqstatd), small cells hidden. An
 * aggregate over every member, like the other cohort views: no individual leaves.
 */
@Injectable()
export class CohortTransitions {
  constructor(private readonly cohorts: CohortAnalytics) {}

  async of(cohortId: string, field: SequenceField, originRule: OriginRule): Promise<unknown> {
    const cohort = await this.cohorts.load(cohortId);
    const sequences = cohort.members.map((member) => toStateSequence(personSequence(member, field, originRule, cohort.cutoff)));
    return publishedDeep({
      cohortId,
      field,
      origin: { rule: originRule, meaning: ORIGIN_RULE_MEANINGS[originRule] },
      cutoff: new Date(cohort.cutoff).toISOString(),
      members: publishedCount(cohort.members.length),
      alphabet: FIELD_ALPHABETS[field],
      precedence: precedenceRule(field),
      transitions: protectedTransitions(field, sequences),
      distribution: protectedDistribution(field, sequences),
    });
  }
}
