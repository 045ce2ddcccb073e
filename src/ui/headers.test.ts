import { describe, expect, it } from 'vitest';
import { fileNameFor, readHeaders } from './headers.ts';

describe('readHeaders', () => {
  it('reads title, about and checked lines before the first statement', () => {
    const text = '# c\ntitle: The RFC\nchecked: Linux 6.18\nabout: one\nabout: two\npid_max: 400\ninit fork\ntitle: not a header';
    expect(readHeaders(text)).toEqual({ title: 'The RFC', about: 'one two', checked: 'Linux 6.18' });
  });
  it('gives no title when there is none', () => {
    expect(readHeaders('init fork')).toEqual({ title: null, about: '', checked: null });
  });
});

describe('fileNameFor', () => {
  it('makes a file name from the title', () => {
    expect(fileNameFor("title: The RFC's Test1 and Test2\n")).toBe('the-rfc-s-test1-and-test2.pidns');
    expect(fileNameFor('init fork')).toBe('scenario.pidns');
  });
});
