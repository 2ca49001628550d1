import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { soundTones, wavFor, type SoundName } from './tones';

/** Writes resources/sounds/<name>.wav for every alert sound (`npm run sounds`). */
const dir = fileURLToPath(new URL('../../resources/sounds/', import.meta.url));
for (const name of Object.keys(soundTones) as SoundName[]) {
  const file = `${dir}${name}.wav`;
  writeFileSync(file, wavFor(name));
  process.stdout.write(`${file}\n`);
}
