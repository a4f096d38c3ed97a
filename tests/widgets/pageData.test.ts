import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFields } from '~/widgets/shared/fieldSpec.ts';
import { clientSchema, pageDataJson } from '~/widgets/shared/pageData.ts';
import { clientFields, queuesSchema } from '~/widgets/QueuesAndStreams/queuesAndStreamsState.ts';

describe('page data: build-time fields handed to the page script', () => {
  it('the JSON cannot close its <script> early and refuses what JSON cannot carry', () => {
    expect(pageDataJson({ a: '</script><b>' })).toBe('{"a":"\\u003c/script>\\u003cb>"}');
    expect(JSON.parse(pageDataJson({ a: '</script>' }))).toEqual({ a: '</script>' });
    expect(() => pageDataJson({ max: Infinity })).toThrow(/cannot carry Infinity/);
    expect(() => pageDataJson({ x: NaN })).toThrow(/cannot carry NaN/);
  });
  it('clientSchema leaves out only what the server renders (help, option labels)', () => {
    const s = clientSchema(queuesSchema);
    expect(Object.keys(s)).toEqual(Object.keys(queuesSchema));
    for (const [k, f] of Object.entries(queuesSchema)) {
      const { help: _h, ...rest } = f as { help?: string; optionLabels?: unknown };
      const { optionLabels: _o, ...want } = rest;
      expect(s[k as keyof typeof s], k).toEqual(want);
    }
    expect(JSON.stringify(s)).not.toContain('help');
  });
  it('the queues page reads the same fields it would build from the rules: same values, same messages', () => {
    const sent = clientFields();
    const read = JSON.parse(pageDataJson(sent)) as typeof sent;
    expect(read).toEqual(sent);
    const keys = Object.keys(queuesSchema);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map(String), fc.constantFrom('1', '0', '-1', '1e9', 'sqs', 'fifo'))), (raw) => {
        expect(parseFields(read.schema, raw)).toEqual(parseFields(queuesSchema, raw));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
