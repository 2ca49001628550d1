import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../renderer/src/app/virtual-rows';

describe('the shared virtualiser', () => {
  it('renders the rows in sight and a few beyond each edge, never past the list', () => {
    expect(visibleRange(0, 640, 64, 10_000)).toEqual({ first: 0, last: 16 });
    expect(visibleRange(64 * 5_000, 640, 64, 10_000)).toEqual({ first: 4_994, last: 5_016 });
    expect(visibleRange(64 * 9_995, 640, 64, 10_000)).toEqual({ first: 9_989, last: 10_000 });
    expect(visibleRange(0, 640, 64, 3)).toEqual({ first: 0, last: 3 });
  });
});
