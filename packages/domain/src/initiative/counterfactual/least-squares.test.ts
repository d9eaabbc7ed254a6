import { describe, expect, it } from 'vitest';
import { contrast, correctedContrast, designPrecision, leastSquares, neweyWestCovariance, neweyWestLag } from './least-squares.ts';

// R's built-in Seatbelts (Harvey & Durbin 1986): UK road casualties by month, January 1969 to
// December 1984; wearing front seat belts became compulsory on 31 January 1983 (law = 1 from
// February 1983, month 170).
const driversKilled = [
  107, 97, 102, 87, 119, 106, 110, 106, 107, 134, 147, 180, 125, 134, 110, 102, 103, 111, 120, 129, 122, 183, 169, 190, 134, 108, 104, 117,
  157, 148, 130, 140, 136, 140, 187, 150, 159, 143, 114, 127, 159, 156, 138, 120, 117, 170, 168, 198, 144, 146, 109, 131, 151, 140, 153,
  140, 161, 168, 152, 136, 113, 100, 103, 103, 121, 134, 133, 129, 144, 154, 156, 163, 122, 92, 117, 95, 96, 108, 108, 106, 140, 114, 158,
  161, 102, 127, 125, 101, 97, 112, 112, 113, 108, 128, 154, 162, 112, 79, 82, 127, 108, 110, 123, 103, 97, 140, 165, 183, 148, 111, 116,
  115, 100, 106, 134, 125, 117, 122, 153, 178, 114, 94, 128, 119, 111, 110, 114, 118, 115, 132, 153, 171, 115, 95, 92, 100, 95, 114, 102,
  104, 132, 136, 117, 137, 111, 106, 98, 84, 94, 105, 123, 109, 130, 153, 134, 99, 115, 104, 131, 108, 103, 115, 122, 122, 125, 137, 138,
  152, 120, 95, 100, 89, 82, 89, 60, 84, 113, 126, 122, 118, 92, 86, 81, 84, 87, 90, 79, 96, 122, 120, 137, 154,
];
const front = [
  867, 825, 806, 814, 991, 945, 1004, 1091, 958, 850, 1109, 1113, 925, 903, 1006, 892, 990, 866, 1095, 1204, 1029, 1147, 1171, 1299, 944,
  874, 840, 893, 1007, 973, 1097, 1194, 988, 1077, 1045, 1115, 1005, 857, 879, 887, 1075, 1121, 1190, 1058, 939, 1074, 1089, 1208, 903, 916,
  787, 1114, 1014, 1022, 1114, 1132, 1111, 1008, 916, 992, 731, 665, 724, 744, 910, 883, 900, 1057, 1076, 919, 920, 953, 664, 607, 777, 633,
  791, 790, 803, 884, 769, 732, 859, 994, 704, 684, 671, 643, 771, 644, 828, 748, 767, 825, 810, 986, 714, 567, 616, 678, 742, 840, 888,
  852, 774, 831, 889, 1046, 889, 626, 808, 746, 754, 865, 980, 959, 856, 798, 942, 1010, 796, 643, 794, 750, 809, 716, 851, 931, 834, 762,
  880, 1077, 748, 593, 720, 646, 765, 820, 807, 885, 803, 860, 825, 911, 704, 691, 688, 714, 814, 736, 876, 829, 818, 942, 782, 823, 595,
  673, 660, 676, 755, 815, 867, 933, 798, 950, 825, 911, 619, 426, 475, 556, 559, 483, 587, 615, 618, 662, 519, 585, 483, 434, 513, 548,
  586, 522, 601, 644, 643, 641, 711, 721,
];
const rear = [
  269, 265, 319, 407, 454, 427, 522, 536, 405, 437, 434, 437, 316, 311, 351, 362, 486, 429, 551, 646, 456, 475, 456, 468, 356, 271, 354,
  427, 465, 440, 539, 646, 457, 446, 402, 441, 359, 334, 312, 427, 434, 486, 569, 523, 418, 452, 462, 497, 354, 347, 276, 472, 487, 505,
  619, 640, 559, 453, 418, 419, 262, 299, 303, 401, 413, 426, 516, 600, 459, 443, 412, 400, 278, 302, 381, 279, 442, 409, 416, 511, 393,
  345, 391, 470, 266, 312, 300, 373, 412, 322, 458, 427, 346, 421, 344, 370, 291, 224, 266, 338, 298, 386, 479, 473, 332, 391, 370, 431,
  366, 250, 355, 304, 379, 440, 500, 511, 384, 366, 432, 390, 306, 232, 342, 329, 394, 355, 385, 463, 453, 373, 401, 466, 306, 263, 323,
  310, 424, 403, 406, 466, 381, 369, 378, 392, 284, 316, 321, 358, 378, 382, 433, 506, 428, 479, 370, 349, 238, 285, 324, 346, 410, 411,
  496, 534, 396, 470, 385, 411, 281, 300, 318, 391, 398, 337, 477, 422, 495, 471, 368, 345, 296, 319, 349, 375, 441, 465, 472, 521, 429,
  408, 490, 491,
];
const months = driversKilled.length;
const lawFrom = 170;
const time = Array.from({ length: months }, (_, i) => i + 1);
const law = time.map((t) => (t >= lawFrom ? 1 : 0));

/** Relative agreement to `digits` significant figures' worth. */
const expectRelative = (actual: readonly number[], expected: readonly number[], tolerance = 1e-6) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!) / Math.abs(expected[i]!)).toBeLessThan(tolerance));
};

describe('least squares with Newey–West, against R 4.2.2 (sandwich 3.0.2, lmtest)', () => {
  // The interrupted time series of the seat-belt law, produced by:
  //   d <- data.frame(Seatbelts); d$time <- seq_len(nrow(d)); d$month <- factor(cycle(Seatbelts))
  //   d$time_since <- pmax(0, d$time - 170)
  //   fit <- lm(DriversKilled ~ time + law + law:time_since + month, data = d)
  //   L <- floor(4 * (nrow(d)/100)^(2/9))                                   # 4
  //   NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)             # and adjust = TRUE
  //   coeftest(fit, vcov. = NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE))
  // The columns below are in R's order: (Intercept), time, law, month2..month12, law:time_since.
  const rows = time.map((t, i) => [
    1,
    t,
    law[i]!,
    ...Array.from({ length: 11 }, (_, m) => ((t - 1) % 12 === m + 1 ? 1 : 0)),
    law[i]! * Math.max(0, t - lawFrom),
  ]);
  const fit = leastSquares(rows, driversKilled)!;
  const R = {
    coefficients: [
      132.73917675461055, -0.12135782523180656, -19.07106802881458, -12.214775613265861, -12.462068168631252, -13.834360723996662,
      -7.894153279362059, -3.3914458347274654, -2.8887383900928634, -3.8860309454582551, 5.0541764991763412, 22.056883943810924,
      31.684591388445526, 39.37479883308017, 0.44920304477764417,
    ],
    olsStandardErrors: [
      4.7107662150109704, 0.026189221972181917, 7.2537755671223598, 5.8772012882699745, 5.8734343841722465, 5.8705028987958459,
      5.8684080841078989, 5.8671508362862523, 5.8667316938057583, 5.8671508362862523, 5.8684080841078998, 5.8705028987958414,
      5.8734343841722474, 5.8772012882699789, 0.52886200499745872,
    ],
    neweyWest: [
      5.6949507396572212, 0.039040486181550468, 6.8771265182708641, 4.3215708824246155, 4.9702399982911682, 4.4937436095009478,
      5.6694396613909053, 5.1446535819053567, 5.3699326351858963, 4.6145488676317159, 5.7991114199236451, 5.3119034584755012,
      4.0121740743987688, 6.0538376876842497, 0.48196368343892398,
    ],
    neweyWestAdjusted: [
      5.9313554790832761, 0.040661107041103671, 7.1626048967282321, 4.5009648552743959, 5.176561061526872, 4.6802846939837375,
      5.9047854031037854, 5.3582147776148226, 5.5928454545219113, 4.8061047339581515, 6.0398400033305499, 5.5324074119535886,
      4.1787245872917653, 6.3051402865142565, 0.50197061663376041,
    ],
    // coeftest's Pr(>|t|) on 177 degrees of freedom.
    pValues: [
      7.850883398831285e-56, 0.0021913950867647651, 0.0061471958045856744, 0.0052480683160963486, 0.013064957906917234,
      0.0024113059615626042, 0.16554673023044048, 0.51061282153105281, 0.59128950052779872, 0.40085391748684474, 0.38463821257278885,
      5.1095973073566383e-5, 2.8948807143935144e-13, 7.7298910151315452e-10, 0.35259226504949415,
    ],
  };

  it('has the lag rule give 4 for 192 months', () => {
    expect(neweyWestLag(months)).toBe(4);
    expect(neweyWestLag(100)).toBe(4);
    expect(neweyWestLag(30)).toBe(3);
    expect(neweyWestLag(12)).toBe(2);
  });

  it('matches lm()’s coefficients and its ordinary standard errors', () => {
    expectRelative(fit.coefficients, R.coefficients);
    const sigma2 = fit.residuals.reduce((s, e) => s + e * e, 0) / (fit.n - fit.p);
    expectRelative(
      fit.bread.map((row, j) => Math.sqrt(sigma2 * row[j]!)),
      R.olsStandardErrors,
    );
  });

  it('matches NeweyWest(fit, lag = 4, prewhite = FALSE), with and without adjust, and coeftest’s p-values', () => {
    const plain = neweyWestCovariance(fit, { lag: 4 });
    const adjusted = neweyWestCovariance(fit, { lag: 4, adjust: true });
    expectRelative(
      plain.map((row, j) => Math.sqrt(row[j]!)),
      R.neweyWest,
    );
    expectRelative(
      adjusted.map((row, j) => Math.sqrt(row[j]!)),
      R.neweyWestAdjusted,
    );
    const pValues = R.coefficients.map((_, j) => contrast(fit.coefficients, plain, unit(j, fit.p), fit.n - fit.p).pValue);
    // The smallest p-value is far in the tail, where both sides' t distributions lose relative digits.
    expectRelative(pValues.slice(1), R.pValues.slice(1), 1e-5);
    expect(pValues[0]).toBeLessThan(1e-50);
  });

  it('matches the law’s average effect over its 23 months, law + 11 · law:time_since, with its Newey–West error', () => {
    // R: cvec["law"] <- 1; cvec["law:time_since"] <- mean(d$time_since[d$law == 1]) (= 11); sum(cvec * coef(fit)),
    // sqrt(t(cvec) %*% NeweyWest(fit, lag = 4, prewhite = FALSE, adjust = FALSE) %*% cvec).
    const weights = new Array<number>(fit.p).fill(0);
    weights[2] = 1;
    weights[14] = 11;
    const effect = contrast(fit.coefficients, neweyWestCovariance(fit, { lag: 4 }), weights, fit.n - fit.p);
    expectRelative([effect.estimate, effect.standardError], [-14.129834536260493, 3.9461412349087519]);
  });

  it('matches vcovPL’s Driscoll–Kraay covariance on a panel: front- and rear-seat casualties stacked', () => {
    // p <- rbind(data.frame(y = d$front, g = "front", time = d$time, law = d$law),
    //            data.frame(y = d$rear, g = "rear", time = d$time, law = d$law))
    // p$front <- as.numeric(p$g == "front"); p$rear <- as.numeric(p$g == "rear")
    // pf <- lm(y ~ 0 + front + rear + front:law + rear:law + time, data = p)
    // vcovPL(pf, cluster = ~g, order.by = ~time, lag = 4, adjust = FALSE)   # and adjust = TRUE
    // R orders the columns front, rear, time, front:law, rear:law.
    const panelRows = [...time.map((t, i) => [1, 0, t, law[i]!, 0]), ...time.map((t, i) => [0, 1, t, 0, law[i]!])];
    const panel = leastSquares(panelRows, [...front, ...rear])!;
    expectRelative(
      panel.coefficients,
      [958.38205323178045, 485.2459585572247, -0.99913449329418458, -206.58218820640326, 103.3365151638053],
    );
    const times = [...time, ...time];
    const plain = neweyWestCovariance(panel, { lag: 4, times });
    const adjusted = neweyWestCovariance(panel, { lag: 4, times, adjust: true });
    expectRelative(
      plain.map((row, j) => Math.sqrt(row[j]!)),
      [28.110450121710258, 22.655915376207375, 0.22433499274770896, 35.314836788130108, 32.482415382424634],
    );
    expectRelative(
      adjusted.map((row, j) => Math.sqrt(row[j]!)),
      [28.295267695057042, 22.804871059366171, 0.22580992640394304, 35.54702099044848, 32.695977284188167],
    );
    // R's P0[3, 4]: the covariance of time and front:law.
    expectRelative([plain[2]![3]!], [-3.7623963026842899]);
  });
});

const unit = (j: number, p: number) => Array.from({ length: p }, (_, k) => (k === j ? 1 : 0));

describe('least squares', () => {
  it('fits an exact line exactly, and has nothing to say about collinear or too few rows', () => {
    const rows = [0, 1, 2, 3, 4].map((x) => [1, x]);
    const fit = leastSquares(
      rows,
      rows.map(([, x]) => 3 + 2 * x!),
    )!;
    expect(fit.coefficients[0]).toBeCloseTo(3, 12);
    expect(fit.coefficients[1]).toBeCloseTo(2, 12);
    expect(
      leastSquares(
        rows.map(([one, x]) => [one!, x!, 2 * x!]),
        [1, 2, 3, 4, 6],
      ),
    ).toBeNull();
    expect(
      leastSquares(
        [
          [1, 0],
          [1, 1],
        ],
        [1, 2],
      ),
    ).toBeNull();
    expect(leastSquares([[1], [1], [Number.NaN]], [1, 2, 3])).toBeNull();
  });

  it('treats a period left out as a gap, not as a neighbour, when times are given', () => {
    // Residuals alternate in sign; with times 0,1,3,4 the pair (1,3) is two periods apart.
    const rows = [[1], [1], [1], [1]];
    const fit = leastSquares(rows, [1, -1, 1, -1])!;
    const contiguous = neweyWestCovariance(fit, { lag: 1 })[0]![0]!;
    const gapped = neweyWestCovariance(fit, { lag: 1, times: [0, 1, 3, 4] })[0]![0]!;
    // Σe² = 4; neighbours (lag 1, weight ½) each give e·e = −1, twice: 3 of them contiguous, 2 across the gap.
    expect(contiguous).toBeCloseTo((4 - 3) / 16, 12);
    expect(gapped).toBeCloseTo((4 - 2) / 16, 12);
  });
});

describe('Newey–West corrected for small samples', () => {
  const values = [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9, 4.0, 5.2];
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sampleVariance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);

  it('is the one-sample t-test with lag 0 and an intercept alone', () => {
    const fit = leastSquares(
      values.map(() => [1]),
      values,
    )!;
    const c = correctedContrast(fit, [1], { lag: 0 });
    expect(c.estimate).toBeCloseTo(mean, 12);
    expect(c.standardError).toBeCloseTo(Math.sqrt(sampleVariance / n), 12);
    expect(c.degreesOfFreedom).toBeCloseTo(n - 1, 9);
    // t₀.₉₇₅ on 9 degrees of freedom = 2.262157.
    expect(c.high - c.estimate).toBeCloseTo(2.262157 * c.standardError, 5);
  });

  it('widens plain Newey–West where a coefficient rests on a few rows, and gives fewer degrees of freedom', () => {
    // A level for the last 5 of 40 rows: their residuals sum to 0, so lags subtract their correlation.
    const rows = Array.from({ length: 40 }, (_, t) => [1, t >= 35 ? 1 : 0]);
    const y = rows.map(([, after], t) => 10 + 2 * after! + Math.sin(t * 1.7) + 0.5 * Math.cos(t * 0.9));
    const fit = leastSquares(rows, y)!;
    const plain = contrast(fit.coefficients, neweyWestCovariance(fit, { lag: 3 }), [0, 1], fit.n - fit.p);
    const corrected = correctedContrast(fit, [0, 1], { lag: 3 });
    expect(corrected.estimate).toBeCloseTo(plain.estimate, 12);
    expect(corrected.standardError).toBeGreaterThan(plain.standardError);
    expect(corrected.degreesOfFreedom).toBeLessThan(fit.n - fit.p);
    // What the design alone promises: the same degrees of freedom, and the variance per unit error variance 1/35 + 1/5.
    const design = designPrecision(rows, [0, 1], { lag: 3 })!;
    expect(design.degreesOfFreedom).toBeCloseTo(corrected.degreesOfFreedom, 9);
    expect(design.variance).toBeCloseTo(1 / 35 + 1 / 5, 12);
    expect(designPrecision([[1], [1]], [1], { lag: 0 })).not.toBeNull();
    expect(
      designPrecision(
        [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
        [0, 1],
        { lag: 0 },
      ),
    ).toBeNull();
  });
});
