import {
  configKeys,
  MAX_PAIRED_TAGS,
  type Sentence,
  type StationIdentity,
} from '../../../../shared/stations/sentences';
import type { EmulatedTag } from './station-emulator';

export interface EmulatorState {
  identity: StationIdentity;
  tags: EmulatedTag[];
  paired: string[];
  level: number;
  config: Map<string, string>;
  clockOffsetS: number;
  mains: boolean;
  caseOpen: boolean;
  batteryPct: number;
  gsmCsq: number;
  position: { lat: number; lon: number };
  home: { lat: number; lon: number } | null;
  gpsFix: boolean;
  rfTest: boolean;
  /** When the station powered up (Date.now()), for its uptime. */
  startedAtMs: number;
}

/** The SBS fields (also GETSTATUS's answer). */
export function statusFields(state: EmulatorState): (string | number)[] {
  const uptime = Math.floor((Date.now() - state.startedAtMs) / 1000);
  return [uptime, state.mains ? 1 : 0, state.batteryPct, state.gsmCsq, state.caseOpen ? 1 : 0, 21];
}

type Command = Extract<Sentence, { type: 'SBC' }>;
type Answer = (string | number)[];

const TAG_ID = /^[A-Za-z0-9_-]{1,32}$/;

function refuse(cmdId: number, code: string, text: string): Answer {
  return ['SBN', cmdId, code, text];
}

/** What the station does for one command, and the sentence it answers with (SBA or SBN). */
export function answerCommand(state: EmulatorState, command: Command, now: Date): Answer {
  const { cmdId, name, args } = command;
  const ok = (...fields: (string | number)[]): Answer => ['SBA', cmdId, ...fields];
  const argCount = (n: number) => args.length === n;
  switch (name) {
    case 'GETINFO':
      return argCount(0)
        ? ok(...Object.values(state.identity))
        : refuse(cmdId, 'E_ARGS', 'no arguments');
    case 'GETSTATUS':
      return argCount(0) ? ok(...statusFields(state)) : refuse(cmdId, 'E_ARGS', 'no arguments');
    case 'PAIR': {
      const tagId = args[0] ?? '';
      if (!argCount(1) || !TAG_ID.test(tagId))
        return refuse(cmdId, 'E_ARGS', 'PAIR needs a tag id');
      if (state.paired.includes(tagId)) return ok(tagId);
      if (state.paired.length >= MAX_PAIRED_TAGS)
        return refuse(cmdId, 'E_FULL', `already ${MAX_PAIRED_TAGS} tags paired`);
      state.paired.push(tagId);
      // A tag paired at the bench lies next to the station from then on.
      if (!state.tags.some((t) => t.id === tagId))
        state.tags.push({
          id: tagId,
          distanceM: 2 + state.paired.length * 3,
          batteryPct: 95,
          strap: 'OK',
        });
      return ok(tagId);
    }
    case 'UNPAIR': {
      const tagId = args[0] ?? '';
      if (!argCount(1)) return refuse(cmdId, 'E_ARGS', 'UNPAIR needs a tag id');
      if (!state.paired.includes(tagId)) return refuse(cmdId, 'E_NOTFOUND', `${tagId} not paired`);
      state.paired = state.paired.filter((id) => id !== tagId);
      return ok(tagId);
    }
    case 'LISTTAGS':
      return ok(state.paired.length, ...state.paired);
    case 'SETRANGE': {
      const level = Number(args[0]);
      if (!argCount(1) || !/^[1-5]$/.test(args[0] ?? ''))
        return refuse(cmdId, 'E_ARGS', 'level 1..5');
      state.level = level;
      return ok(level);
    }
    case 'RFTEST': {
      const mode = args[0];
      if (!argCount(1) || (mode !== 'START' && mode !== 'STOP'))
        return refuse(cmdId, 'E_ARGS', 'START or STOP');
      state.rfTest = mode === 'START';
      return ok(mode);
    }
    case 'SETTIME': {
      const seconds = Number(args[0]);
      if (!argCount(1) || !/^\d{1,12}$/.test(args[0] ?? ''))
        return refuse(cmdId, 'E_ARGS', 'unix seconds');
      state.clockOffsetS = seconds - Math.floor(now.getTime() / 1000);
      return ok(seconds);
    }
    case 'SETCFG': {
      const [key = '', value = ''] = args;
      if (!argCount(2) || !(configKeys as readonly string[]).includes(key))
        return refuse(cmdId, 'E_ARGS', 'SETCFG key value');
      state.config.set(key, value);
      return ok(key, value);
    }
    case 'GETCFG': {
      const key = args[0] ?? '';
      if (!argCount(1) || !state.config.has(key)) return refuse(cmdId, 'E_ARGS', 'GETCFG key');
      return ok(key, state.config.get(key)!);
    }
    case 'SETHOME':
      if (!state.gpsFix) return refuse(cmdId, 'E_STATE', 'no GPS fix');
      state.home = { ...state.position };
      return ok(state.home.lat.toFixed(6), state.home.lon.toFixed(6));
    case 'REBOOT':
      state.rfTest = false;
      return ok();
    default:
      return refuse(cmdId, 'E_UNKNOWN', `unknown command ${name}`);
  }
}
