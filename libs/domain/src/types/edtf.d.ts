// edtf ships no type declarations; we only use its default parser and read a few fields.
declare module 'edtf' {
  export default function edtf(text: string, options?: Record<string, unknown>): unknown;
}
