/** The station's own GPS fix as NMEA-0183 RMC and GGA sentences (fields without `$`/checksum). */

function degreesMinutes(value: number, degreeDigits: number): string {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = (abs - degrees) * 60;
  return String(degrees).padStart(degreeDigits, '0') + minutes.toFixed(4).padStart(7, '0');
}

const two = (n: number) => String(n).padStart(2, '0');

/** GPRMC and GPGGA for a fix, or for no fix (status V, quality 0, empty positions). */
export function nmeaSentences(
  fix: { lat: number; lon: number } | null,
  at: Date,
): (string | number)[][] {
  const time = `${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}.00`;
  const date = `${two(at.getUTCDate())}${two(at.getUTCMonth() + 1)}${two(at.getUTCFullYear() % 100)}`;
  const lat = fix ? degreesMinutes(fix.lat, 2) : '';
  const ns = fix ? (fix.lat >= 0 ? 'N' : 'S') : '';
  const lon = fix ? degreesMinutes(fix.lon, 3) : '';
  const ew = fix ? (fix.lon >= 0 ? 'E' : 'W') : '';
  return [
    ['GPRMC', time, fix ? 'A' : 'V', lat, ns, lon, ew, '0.0', '0.0', date, '', '', fix ? 'A' : 'N'],
    [
      'GPGGA',
      time,
      lat,
      ns,
      lon,
      ew,
      fix ? 1 : 0,
      fix ? 8 : 0,
      '1.1',
      '12.0',
      'M',
      '23.4',
      'M',
      '',
      '',
    ],
  ];
}
