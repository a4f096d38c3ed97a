/**
 * Picks one option per hour (a provisioned level for each hour of the day) to minimise the summed cost
 * subject to summed cold starts ≤ `budget`: a multiple-choice knapsack, solved by merging Pareto fronts
 * of (cost, cold starts) hour by hour. Exact while each front stays under `maxFront` entries (it does for
 * the default 17 levels); past it, the front is thinned evenly and `exact` is false.
 * When no schedule meets the budget, the one with the fewest cold starts is returned (`met` false).
 *
 * Shape: `cost[h][i]`, `cold[h][i]` for hour h (0–23, hours with no data have all-zero rows) and option i.
 */
export interface ScheduleChoice {
  choice: number[];
  cost: number;
  cold: number;
  met: boolean;
  exact: boolean;
}

interface Entry {
  cost: number;
  cold: number;
  prev: number;
  opt: number;
}

export function choosePcSchedule(cost: readonly ArrayLike<number>[], cold: readonly ArrayLike<number>[], budget: number, maxFront = 4096): ScheduleChoice {
  const H = cost.length;
  const fronts: Entry[][] = [];
  let front: Entry[] = [{ cost: 0, cold: 0, prev: -1, opt: -1 }];
  let exact = true;
  for (let h = 0; h < H; h++) {
    const m = cost[h]!.length;
    const next: Entry[] = [];
    for (let e = 0; e < front.length; e++)
      for (let i = 0; i < m; i++) next.push({ cost: front[e]!.cost + cost[h]![i]!, cold: front[e]!.cold + cold[h]![i]!, prev: e, opt: i });
    // Pareto: by cold ascending (cost ascending on ties), keep entries cheaper than every one with fewer cold starts
    next.sort((a, b) => a.cold - b.cold || a.cost - b.cost);
    let kept: Entry[] = [];
    let best = Infinity;
    for (const x of next) if (x.cost < best - 1e-12) {
      kept.push(x);
      best = x.cost;
    }
    if (kept.length > maxFront) {
      exact = false;
      const step = kept.length / maxFront;
      const thin: Entry[] = [];
      for (let j = 0; j < maxFront; j++) thin.push(kept[Math.floor(j * step)]!);
      thin[thin.length - 1] = kept[kept.length - 1]!; // keep the cheapest
      kept = thin;
    }
    fronts.push(kept);
    front = kept;
  }
  let pick = -1;
  for (let e = 0; e < front.length; e++) if (front[e]!.cold <= budget + 1e-9 && (pick < 0 || front[e]!.cost < front[pick]!.cost)) pick = e;
  const met = pick >= 0;
  if (!met) pick = 0; // fewest cold starts (the front is sorted by cold)
  const choice = new Array<number>(H).fill(0);
  let e = pick;
  for (let h = H - 1; h >= 0; h--) {
    const x = fronts[h]![e]!;
    choice[h] = x.opt;
    e = x.prev;
  }
  return { choice, cost: front[pick]!.cost, cold: front[pick]!.cold, met, exact };
}
