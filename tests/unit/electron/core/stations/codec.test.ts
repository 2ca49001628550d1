import { describe, expect, it } from 'vitest';
import {
  checksum,
  decodeSentence,
  encodeSentence,
  LineSplitter,
  type Decoded,
} from '../../../../../electron/core/stations/codec';

/** A sentence with its checksum, as a station would send it. */
const framed = (body: string) => `$${body}*${checksum(body)}`;

function split(...chunks: string[]): { decoded: Decoded; raw: string }[] {
  const out: { decoded: Decoded; raw: string }[] = [];
  const splitter = new LineSplitter({ line: (decoded, raw) => out.push({ decoded, raw }) });
  for (const chunk of chunks) splitter.push(chunk);
  return out;
}

const reasons = (lines: { decoded: Decoded }[]) =>
  lines.map(({ decoded }) => (decoded.ok ? decoded.sentence.type : decoded.reason));

describe('the sentence codec (base-station protocol v1)', () => {
  it('decodes the spec’s example lines, with their checksums', () => {
    const lines = [
      'SBA,7,HMU-200,HMU2-004512,2.4.1,B3,1',
      'SBS,86400,1,100,23,0,21',
      'SBA,8,TAG-00981',
      'SBH,TAG-00981,-61,88,OK,1204',
    ].map((body) => `${framed(body)}\r\n`);
    const out = split(lines.join(''));
    expect(out.map((line) => line.decoded)).toEqual([
      {
        ok: true,
        sentence: { type: 'SBA', cmdId: 7, fields: ['HMU-200', 'HMU2-004512', '2.4.1', 'B3', '1'] },
      },
      {
        ok: true,
        sentence: {
          type: 'SBS',
          uptimeS: 86400,
          mains: true,
          batteryPct: 100,
          gsmCsq: 23,
          caseOpen: false,
          tempC: 21,
        },
      },
      { ok: true, sentence: { type: 'SBA', cmdId: 8, fields: ['TAG-00981'] } },
      {
        ok: true,
        sentence: {
          type: 'SBH',
          tagId: 'TAG-00981',
          rssiDbm: -61,
          tagBatteryPct: 88,
          strap: 'OK',
          tagSeq: 1204,
        },
      },
    ]);
  });

  it('writes the NMEA checksum: XOR of the body in upper-case hex', () => {
    expect(encodeSentence(['SBC', 7, 'GETINFO'])).toBe(
      `$SBC,7,GETINFO*${checksum('SBC,7,GETINFO')}\r\n`,
    );
    expect(checksum('GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,')).toBe('47');
  });

  it('drops each malformed case of the spec with its reason, and carries on', () => {
    const good = framed('SBE,MAINS_LOST,-,');
    const long = framed(`SBE,CASE_OPEN,-,${'x'.repeat(200)}`);
    const body = 'SBS,1,1,100,23,0,21';
    const out = split(
      [
        long, // longer than 200 bytes
        'SBS,1,1,100,23,0,21*00', // no $
        `$${body}`, // no *
        `$${body}*${checksum(body) === '00' ? '01' : '00'}`, // bad checksum
        `$${body}*${checksum(body).toLowerCase() === checksum(body) ? 'zz' : checksum(body).toLowerCase()}`,
        framed('SBX,1,2'), // unknown type
        framed('SBS,1,1,100,23,0'), // one field short
        framed('SBS,1,1,100,23,0,21,5'), // one field too many
        framed('SBS,1,1,101,23,0,21'), // battery over 100
        framed('SBE,EXPLODED,-,'), // unknown event code
        `$SBS,1\x01,1*00`, // a control character
        good,
      ].join('\r\n') + '\r\n',
    );
    expect(reasons(out)).toEqual([
      'too_long',
      'no_start',
      'no_checksum',
      'bad_checksum',
      'bad_checksum',
      'unknown_type',
      'field_count',
      'field_count',
      'bad_value',
      'bad_value',
      'bad_character',
      'SBE',
    ]);
  });

  it('takes a sentence of exactly 200 bytes and refuses 201', () => {
    const fill = (n: number) => framed(`SBE,CASE_OPEN,-,${'d'.repeat(n)}`);
    const pad = 200 - 2 - fill(0).length;
    expect(reasons(split(`${fill(Math.min(pad, 64))}\r\n`))).toEqual(['SBE']);
    const exact = framed(`SBA,1,${'a'.repeat(200 - 2 - framed('SBA,1,').length)}`);
    expect(exact.length + 2).toBe(200);
    expect(reasons(split(`${exact}\r\n`))).toEqual(['SBA']);
    const over = framed(`SBA,1,${'a'.repeat(201 - 2 - framed('SBA,1,').length)}`);
    expect(reasons(split(`${over}\r\n`))).toEqual(['too_long']);
  });

  it('accepts \\n without \\r, and lines cut anywhere between chunks', () => {
    const text = `${framed('SBE,TAG_LOST,TAG-1,')}\n${framed('SBE,TAG_RETURN,TAG-1,')}\r\n`;
    for (let cut = 1; cut < text.length; cut++)
      expect(reasons(split(text.slice(0, cut), text.slice(cut)))).toEqual(['SBE', 'SBE']);
  });

  it('finds the next $ after garbage on the same line or in a flood without line ends', () => {
    const good = framed('SBE,CASE_OPEN,-,');
    expect(reasons(split(`#%&garbage${good}\r\n`))).toEqual(['no_start', 'SBE']);
    const flood = 'x'.repeat(1000);
    expect(reasons(split(flood, flood, `${good}\r\n`))).toEqual(['no_start', 'SBE']);
    expect(reasons(split(`${flood}${good}\r\n`))).toEqual(['no_start', 'SBE']);
    // A sentence that never ends is too long, and the one after it still comes through.
    expect(reasons(split(`$SBE,${flood}`, flood, `\r\n${good}\r\n`))).toEqual(['too_long', 'SBE']);
  });

  it('reads the station’s GPS fix from RMC and GGA, and a fix that is not one', () => {
    const rmc = decodeSentence(
      framed('GPRMC,123519.00,A,5656.9760,N,02406.3120,E,0.0,0.0,301126,,,A'),
    );
    expect(rmc.ok && rmc.sentence).toMatchObject({
      type: 'RMC',
      talker: 'GP',
      valid: true,
      time: '12:35:19',
    });
    if (rmc.ok && rmc.sentence.type === 'RMC') {
      expect(rmc.sentence.lat).toBeCloseTo(56.9496, 4);
      expect(rmc.sentence.lon).toBeCloseTo(24.1052, 4);
    }
    const gga = decodeSentence(framed('GNGGA,123519.00,,,,,0,00,99.9,,M,,M,,'));
    expect(gga.ok && gga.sentence).toMatchObject({
      type: 'GGA',
      valid: false,
      lat: null,
      lon: null,
    });
    expect(
      decodeSentence(framed('GPRMC,123519,A,5699.0000,N,02406.3120,E,0,0,301126,,,A')),
    ).toEqual({
      ok: false,
      reason: 'bad_value',
    });
  });

  it('refuses to send a field that would break the framing', () => {
    expect(() => encodeSentence(['SBC', 1, 'SETCFG', 'APN', 'a,b'])).toThrow(/may not hold/);
    expect(() => encodeSentence(['SBC', 1, 'SETCFG', 'APN', 'a*b'])).toThrow(/may not hold/);
    expect(() => encodeSentence(['SBC', 1, 'SETCFG', 'APN', 'x'.repeat(200)])).toThrow(/200 bytes/);
  });
});
