import { describe, expect, it } from 'vitest';
import { labelOf, packLabels, taskLabelled } from './labels.ts';

describe('packed task labels', () => {
  const labels = packLabels(['init', 'w1', 'xw1', 'w1', 'w10', '']);

  it('gives each task its own label back, and null past the end', () => {
    expect([0, 1, 2, 3, 4, 5].map((id) => labelOf(labels, id))).toEqual(['init', 'w1', 'xw1', 'w1', 'w10', '']);
    expect(labelOf(labels, 6)).toBeNull();
    expect(labelOf(labels, -1)).toBeNull();
  });

  it('finds the first task with a label, never a label that only ends or starts with it', () => {
    expect(taskLabelled(labels, 'w1')).toBe(1);
    expect(taskLabelled(labels, 'xw1')).toBe(2);
    expect(taskLabelled(labels, 'w10')).toBe(4);
    expect(taskLabelled(labels, 'w')).toBeNull();
    expect(taskLabelled(labels, '1')).toBeNull();
    expect(taskLabelled(labels, 'w1\nxw1')).toBeNull();
  });

  it('finds a task among a million by its label', () => {
    const many = packLabels(Array.from({ length: 1_000_000 }, (_, i) => `w${i}`));
    expect(taskLabelled(many, 'w999999')).toBe(999_999);
    expect(labelOf(many, 500_000)).toBe('w500000');
  });
});
