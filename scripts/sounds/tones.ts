/**
 * The console's alert sounds, generated from a few tones so they carry no licence but ours. Each
 * severity has its own rhythm and pitch: a referent can tell them apart without looking.
 */
export const SAMPLE_RATE = 22_050;

/** A tone: frequency (Hz, 0 = silence) and length (ms). */
type Tone = [hz: number, ms: number];

export const soundTones = {
  critical: [
    [988, 140],
    [1319, 140],
    [0, 60],
    [988, 140],
    [1319, 140],
    [0, 60],
    [988, 140],
    [1319, 220],
  ],
  high: [
    [784, 180],
    [0, 90],
    [784, 180],
  ],
  medium: [[659, 260]],
  low: [[523, 160]],
  breach: [
    [1175, 160],
    [880, 160],
    [659, 300],
  ],
  flood: [
    [440, 500],
    [0, 100],
    [440, 500],
  ],
} satisfies Record<string, Tone[]>;
export type SoundName = keyof typeof soundTones;

/** 16-bit mono PCM samples, each tone faded in and out (no clicks). */
function samples(tones: readonly Tone[]): Int16Array {
  const total = tones.reduce((sum, [, ms]) => sum + Math.round((ms * SAMPLE_RATE) / 1000), 0);
  const out = new Int16Array(total);
  let at = 0;
  for (const [hz, ms] of tones) {
    const n = Math.round((ms * SAMPLE_RATE) / 1000);
    const fade = Math.min(n / 2, SAMPLE_RATE * 0.01);
    for (let i = 0; i < n && hz > 0; i += 1) {
      const envelope = Math.min(1, i / fade, (n - 1 - i) / fade);
      out[at + i] = Math.round(
        0.5 * 32767 * envelope * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE),
      );
    }
    at += n;
  }
  return out;
}

/** A RIFF/WAVE file of the sound. */
export function wavFor(name: SoundName): Buffer {
  const pcm = samples(soundTones[name]);
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // PCM format chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
