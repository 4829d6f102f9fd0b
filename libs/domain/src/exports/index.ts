export { CSV_NA, csvField, csvLine, parseCsv, type CsvCell, type CsvRow } from './csv.js';
export { EXPORT_KINDS, FIELD_USE, exportFileName, exportParameterProblem, isExportKind, type ExportKind } from './export-kinds.js';
export { exportSubjects, type ConsentCounts, type ExportSubject, type Pseudonymise } from './export-subjects.js';
export { exportColumns, type ColumnMeaning } from './export-columns.js';
export { exportMetadata, MONTH_RULES, type ExportMetadataInput, type PseudonymisationNote } from './export-metadata.js';
export { researchExport, alphabetRows, ALPHABET_HEADER, type ResearchExport, type ResearchExportRequest } from './research-export.js';
export { birthYearBand } from './person-rows.js';
export { rCodeFor } from './r-code.js';
