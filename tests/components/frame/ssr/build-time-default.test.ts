import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toScriptJson } from '../../../../src/components/frame/ssr/useBuildTimeDefault.tsx';

describe('toScriptJson', () => {
  it('parses back to the same value and can never close its script element', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = toScriptJson(v);
        expect(text.toLowerCase()).not.toContain('</script');
        expect(text).not.toContain('<!--');
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
    expect(toScriptJson({ s: '</script><script>alert(1)</script>' })).not.toContain('<');
  });
});
