import { describe, expect, it } from 'vitest';
import { readHeaders } from './headers.ts';
import { parseScenario } from './parser.ts';

describe('readHeaders', () => {
  it('reads the headers as the parser does: trimmed, without comments, before the first statement', () => {
    const text = '# a comment\ntitle:  T  # not part of it\nabout: one\n\nabout: two\nchecked: Linux 6.18\ninit fork\ntitle: late';
    expect(readHeaders(text)).toEqual({ title: 'T', about: ['one', 'two'], checked: 'Linux 6.18' });
    expect(parseScenario(text.replace('\ntitle: late', '')).program).toMatchObject({ title: 'T', about: ['one', 'two'], checked: 'Linux 6.18' });
  });
  it('stops at a caption, and a ### comment does not stop it', () => {
    expect(readHeaders('### note\ntitle: A\n## caption\nabout: no')).toEqual({ title: 'A', about: [], checked: null });
  });
  it('finds nothing in a text without headers', () => {
    expect(readHeaders('init fork as A\n')).toEqual({ title: null, about: [], checked: null });
  });
});
