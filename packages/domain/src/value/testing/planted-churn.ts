import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { sigmoid } from '../logistic-regression.ts';
import type { CustomerOutcome } from '../value.schema.ts';

export interface PlantedModel {
  n: number;
  intercept: number;
  /** Log-odds change of churn per score point. */
  scoreEffect: number;
  /** Log-odds change per unit of a standard-normal control; 0 or absent = no control. */
  controlEffect?: number;
  scaleMin?: number;
  scaleMax?: number;
}

export interface PlantedData {
  customers: CustomerOutcome[];
  control: number[];
}

/**
 * Customers drawn from a known logistic churn model, deterministically from `seed`: score
 * uniform on the scale, revenue uniform on 100–1,000, an optional standard-normal control
 * (Box–Muller), churn ~ Bernoulli(σ(intercept + scoreEffect·score + controlEffect·control)).
 */
export function plantedChurn(model: PlantedModel, seed: number): PlantedData {
  const { n, intercept, scoreEffect, controlEffect = 0, scaleMin = 0, scaleMax = 10 } = model;
  const rng = xoroshiro128plus(seed);
  const customers: CustomerOutcome[] = [];
  const control: number[] = [];
  for (let i = 0; i < n; i++) {
    const score = uniformInt(rng, scaleMin, scaleMax);
    const revenue = uniformInt(rng, 100, 1_000);
    const c = Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
    const churned = uniformFloat64(rng) < sigmoid(intercept + scoreEffect * score + controlEffect * c);
    customers.push({ customerId: `c${i}`, score, churned, revenue });
    control.push(c);
  }
  return { customers, control };
}
