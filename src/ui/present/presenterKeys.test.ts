import { describe, expect, it } from 'vitest';
import { presenterAction } from './presenterKeys.ts';

const press = (key: string, over: { inField?: boolean; modified?: boolean } = {}, asking = false, qrShown = false) =>
  presenterAction({ key, inField: over.inField ?? false, modified: over.modified ?? false }, { asking, qrShown });

describe('presenter keys', () => {
  it('clicker and keyboard keys step, jump, leave and show the QR code', () => {
    expect(['PageDown', 'ArrowRight', ' '].map((k) => press(k))).toEqual(['forward', 'forward', 'forward']);
    expect(['PageUp', 'ArrowLeft'].map((k) => press(k))).toEqual(['back', 'back']);
    expect([press('Home'), press('End'), press('Escape'), press('q')]).toEqual(['first', 'last', 'leave', 'qr']);
    expect(press('x')).toBeNull();
  });
  it('a step forward while a question waits reveals its answer', () => {
    expect(press('PageDown', {}, true)).toBe('reveal');
    expect(press('PageUp', {}, true)).toBe('back');
  });
  it('Escape hides the QR code first, then leaves', () => {
    expect(press('Escape', {}, false, true)).toBe('qr');
    expect(press('Escape')).toBe('leave');
  });
  it('a field keeps the keys that edit text, not the clicker keys', () => {
    expect(press(' ', { inField: true })).toBeNull();
    expect(press('ArrowLeft', { inField: true })).toBeNull();
    expect(press('q', { inField: true })).toBeNull();
    expect(press('PageDown', { inField: true }, true)).toBe('reveal');
    expect(press('Escape', { inField: true })).toBe('leave');
  });
  it('keys with Ctrl, Alt or Meta belong to the browser', () => {
    expect(press('PageDown', { modified: true })).toBeNull();
  });
});
