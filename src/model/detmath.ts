/**
 * Deterministic exp, log, pow and cos for the engine.
 *
 * `Math.exp`, `Math.log`, `Math.pow` and `Math.cos` are not required to be
 * correctly rounded, and JavaScript engines differ in the last bit: the browser
 * test found Node 20 and Chromium disagreeing by one ulp, which then spreads
 * through a run. These are ports of fdlibm's e_exp.c and e_log.c (the
 * algorithms V8 itself uses), written with + − × ÷ only, which IEEE 754 rounds
 * the same everywhere; so same scenario + seed gives bit-identical numbers in
 * Node, in every browser, in every worker.
 */

const buffer = new Float64Array(1);
const words = new Int32Array(buffer.buffer); // little-endian: words[1] is the high word
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.80143985094819840000e+16;
const LG1 = 6.666666666666735130e-01;
const LG2 = 3.999999999940941908e-01;
const LG3 = 2.857142874366239149e-01;
const LG4 = 2.222219843214978396e-01;
const LG5 = 1.818357216161805012e-01;
const LG6 = 1.531383769920937332e-01;
const LG7 = 1.479819860511658591e-01;

/** Natural logarithm (fdlibm __ieee754_log). */
export function log(x: number): number {
  buffer[0] = x;
  let hx = words[HI];
  const lx = words[LO];
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    buffer[0] = x;
    hx = words[HI];
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  buffer[0] = x;
  words[HI] = hx | (i ^ 0x3ff00000); // normalise x or x/2
  x = buffer[0];
  k += i >> 20;
  const f = x - 1.0;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - ((R - dk * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  let ii = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  ii |= j;
  const R = t2 + t1;
  if (ii > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

const O_THRESHOLD = 7.09782712893383973096e+02;
const U_THRESHOLD = -7.45133219101941108420e+02;
const INV_LN2 = 1.44269504088896338700e+00;
const TWOM1000 = 9.33263618503218878990e-302;
const P1 = 1.66666666666666019037e-01;
const P2 = -2.77777777770155933842e-03;
const P3 = 6.61375632143793436117e-05;
const P4 = -1.65339022054652515390e-06;
const P5 = 4.13813679705723846039e-08;

/** e^x (fdlibm __ieee754_exp). */
export function exp(x: number): number {
  buffer[0] = x;
  let hx = words[HI];
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | words[LO]) !== 0) return x + x;
      return xsb === 0 ? x : 0;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = xsb ? x + LN2_HI : x - LN2_HI;
      lo = xsb ? -LN2_LO : LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  buffer[0] = y;
  if (k >= -1021) {
    words[HI] += k << 20;
    return buffer[0];
  }
  words[HI] += (k + 1000) << 20;
  return buffer[0] * TWOM1000;
}

/** base^exponent for base > 0 (the only case the engine needs). */
export function pow(base: number, exponent: number): number {
  if (base === 1 || exponent === 0) return 1;
  if (base === 0) return exponent > 0 ? 0 : Infinity;
  return exp(exponent * log(base));
}

const SQRT1_2 = 0.7071067811865476;
const TWO_PI = 6.283185307179586;

/**
 * cos(2π·turns) for turns in [0, 1): quadrant by exact arithmetic on `turns`,
 * then Taylor series of sin and cos on |φ| ≤ π/4 (error < 1e-17).
 */
export function cosTurns(turns: number): number {
  const quadrant = Math.floor(turns * 4); // 0…3, exact
  const r = turns - quadrant * 0.25; // [0, 0.25), exact
  const phi = (r - 0.125) * TWO_PI; // angle − π/4, |phi| ≤ π/4
  const p2 = phi * phi;
  const cosPhi = 1 - p2 / 2 * (1 - p2 / 12 * (1 - p2 / 30 * (1 - p2 / 56 * (1 - p2 / 90 * (1 - p2 / 132 * (1 - p2 / 182 * (1 - p2 / 240)))))));
  const sinPhi = phi * (1 - p2 / 6 * (1 - p2 / 20 * (1 - p2 / 42 * (1 - p2 / 72 * (1 - p2 / 110 * (1 - p2 / 156 * (1 - p2 / 210)))))));
  // cos(π/4 + φ) = (cos φ − sin φ)/√2; each quadrant adds π/2.
  const c = (cosPhi - sinPhi) * SQRT1_2;
  const s = (cosPhi + sinPhi) * SQRT1_2; // sin(π/4 + φ)
  switch (quadrant) {
    case 0: return c;
    case 1: return -s;
    case 2: return -c;
    default: return s;
  }
}
