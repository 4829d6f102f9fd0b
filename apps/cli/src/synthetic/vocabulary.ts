import type { OrganisationName } from './cohort-line.js';

/**
 * Services, employers and words of the synthetic paths: generic names in the two countries of the
 * sources (Belgium for Article 23, France for IAE and CSAPA). Nothing here names a real person.
 */
export type Country = 'BE' | 'FR';

export const CITIES: Record<Country, readonly string[]> = {
  BE: ['Liège', 'Namur', 'Charleroi', 'Bruxelles', 'Verviers', 'Mons'],
  FR: ['Lyon', 'Marseille', 'Lille', 'Montpellier', 'Paris', 'Bordeaux', 'Dijon', 'Grenoble'],
};

export interface Place {
  readonly country: Country;
  readonly city: string;
}

const byCountry = (place: Place, be: string, fr: string): OrganisationName => ({ name: place.country === 'BE' ? be : fr });

export const services = {
  addiction: (p: Place) => byCountry(p, `Addiction service (${p.city})`, `CSAPA ${p.city}`),
  harmReduction: (p: Place) => byCountry(p, `Harm-reduction centre (${p.city})`, `CAARUD ${p.city}`),
  youth: (p: Place) => byCountry(p, `Youth consultation (${p.city})`, `CJC ${p.city}`),
  residential: (p: Place) => ({ name: `Therapeutic community (near ${p.city})` }),
  hospital: (p: Place) => ({ name: `General hospital (${p.city})` }),
  psychiatric: (p: Place) => ({ name: `Psychiatric hospital (${p.city})` }),
  detox: (p: Place) => ({ name: `Detox unit, general hospital (${p.city})` }),
  rehabilitation: (p: Place) => byCountry(p, `Centre de réadaptation fonctionnelle (${p.city})`, `SSR addictologie (${p.city})`),
  employmentService: (p: Place) => byCountry(p, `Public employment service (${p.city})`, `France Travail ${p.city}`),
  socialAid: (p: Place) => byCountry(p, `CPAS (${p.city})`, `CCAS ${p.city}`),
  shelter: (p: Place) => byCountry(p, `Maison d'accueil (${p.city})`, `CHRS ${p.city}`),
  justice: (p: Place) => byCountry(p, `Maison de justice (${p.city})`, `SPIP (${p.city})`),
  prison: (p: Place) => ({ name: `Prison (${p.city} area)` }),
  trainingCentre: (p: Place) => ({ name: `Vocational training centre (${p.city})` }),
  cooperative: (p: Place) => ({ name: `Activity and employment cooperative (${p.city})` }),
};

export interface WorkshopKind {
  readonly workshop: string;
  readonly measure: string;
}

export const WORKSHOPS: Record<Country, readonly WorkshopKind[]> = {
  BE: ['Infographie', 'Menuiserie', 'Horticulture', 'Restauration', 'Imprimerie', 'Couture'].map((workshop) => ({ workshop, measure: 'Article 23' })),
  FR: [
    { workshop: 'Maraîchage', measure: 'ACI' },
    { workshop: 'Recyclerie', measure: 'ACI' },
    { workshop: 'Espaces verts', measure: 'ACI' },
    { workshop: 'Bâtiment second œuvre', measure: 'ACI' },
    { workshop: 'Nettoyage', measure: 'EI' },
    { workshop: 'Missions de travail temporaire', measure: 'ETTI' },
  ],
};

export const EMPLOYERS: readonly string[] = [
  'Municipal technical services',
  'Logistics warehouse',
  'Supermarket',
  'Cleaning company',
  'Restaurant',
  'Printing works',
  'Building firm',
  'Public social-aid service, multimedia unit',
  'Hospital catering',
  'Recycling company',
  'Market gardener',
  'Car repair shop',
];

export const TRAININGS: readonly string[] = [
  'Forklift licence',
  'Cook assistant',
  'Office skills',
  'Web design',
  'Building trades',
  'Literacy and numeracy',
  'Care assistant',
  'Warehouse operator',
  'Graphic design',
];

export const PSEUDONYMS: readonly string[] = [
  'Alex', 'Sam', 'Camille', 'Dominique', 'Charlie', 'Claude', 'Lou', 'Noa', 'Sacha', 'Yannick', 'Maxime', 'Morgan', 'Jo', 'Eden', 'Andrea', 'Kim',
];

export const NARRATIVES: readonly string[] = [
  'Hospitalisations became rarer, then stopped.',
  'Relapses are contained much faster than before.',
  'Les hospitalisations se sont espacées, puis interrompues.',
  'Housing was the first brake: nothing held while living in the street.',
  'The référent stayed present through every change of service.',
  'Says the workshop gave a rhythm to the days.',
  'Long period without any contact with services; came back through the emergency department.',
  'Family support decisive after release.',
  'Wants to train as a peer health mediator.',
  'Employer knows about the substitution treatment and adapted the hours.',
];

export const BRAKES: readonly string[] = ['no housing', 'waiting list', 'relapse', 'no transport', 'appointment missed', 'administrative papers', 'debts'];
export const FACILITATORS: readonly string[] = ['référent present throughout', 'overlapping hand-over', 'convention between services', 'peer support', 'employer informed'];
