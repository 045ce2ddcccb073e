import { describe, expect, it } from 'vitest';
import { editorModeFor, LARGE_TEXT } from './editorMode.ts';

describe('editor mode', () => {
  it('puts a text of LARGE_TEXT characters or more in the large editor, from anywhere', () => {
    expect(editorModeFor(LARGE_TEXT, 'plain', true)).toBe('large');
    expect(editorModeFor(LARGE_TEXT, 'plain', false)).toBe('large');
    expect(editorModeFor(LARGE_TEXT - 1, 'plain', true)).toBe('plain');
    expect(editorModeFor(LARGE_TEXT - 1, 'plain', false)).toBe('plain');
  });

  it('keeps a typed text in the large editor until it is below half the threshold', () => {
    expect(editorModeFor(LARGE_TEXT - 1, 'large', true)).toBe('large');
    expect(editorModeFor(LARGE_TEXT / 2, 'large', true)).toBe('large');
    expect(editorModeFor(LARGE_TEXT / 2 - 1, 'large', true)).toBe('plain');
  });

  it('places a text from outside by its size alone', () => {
    expect(editorModeFor(LARGE_TEXT - 1, 'large', false)).toBe('plain');
    expect(editorModeFor(0, 'large', false)).toBe('plain');
  });
});
