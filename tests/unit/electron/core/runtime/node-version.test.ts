import { describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../../../../../electron/core/runtime/node-version';

describe('Node version check', () => {
  it.each(['22.12.0', 'v22.23.3', '24.1.0', '26.0.0'])('accepts %s', (version) => {
    expect(unsupportedNodeMessage(version)).toBeNull();
  });

  it.each(['20.20.2', 'v22.11.0', '18.0.0'])('refuses %s and says what to do', (version) => {
    const message = unsupportedNodeMessage(version);
    expect(message).toContain('22.12');
    expect(message).toContain(version);
    expect(message).toContain('scripts/setup.sh');
  });

  it('refuses a version it cannot read', () => {
    expect(unsupportedNodeMessage('banana')).toMatch(/Cannot read/);
  });
});
