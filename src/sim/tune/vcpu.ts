/**
 * CPU available to a function at a memory size: the one place that states the CPU model.
 *
 * AWS states (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html, as of 2026-12-01):
 * memory is 128–10,240 MB, CPU is allocated in proportion to memory, and "at 1,769 MB, a function has
 * the equivalent of one vCPU (one vCPU-second of credits per second)". The 10 GB launch post says up to
 * 6 vCPUs at 10,240 MB (https://aws.amazon.com/blogs/aws/new-for-aws-lambda-functions-with-up-to-10-gb-of-memory-and-6-vcpus/,
 * as of 2026-12-01).
 *
 * Model `proportional` (the default): the function gets m / 1,769 vCPU of CPU time per second, and CPU
 * work that can use T threads at once runs at min(T, m / 1,769) vCPU. A single-threaded function
 * therefore stops getting faster at 1,769 MB.
 *
 * Model `whole-vcpus` (a community observation, not an AWS statement): AWS publishes no core count per
 * memory size; a re:Invent 2020 slide quoted on Stack Overflow (https://stackoverflow.com/questions/66522916)
 * gives ceil(m / 1,769) vCPUs (1 up to 1,769 MB, 2 up to 3,538 MB, …, 6 from 8,846 MB), and measured
 * visible cores differ again (https://github.com/rwnx/lambda-cpuinfo); both as of 2026-12-01. This variant is the optimistic
 * reading of that table: below 1,769 MB as `proportional`; above it, each of the ceil(m / 1,769) vCPUs
 * runs a thread at full speed, so multi-threaded work speeds up in steps at 1,770, 3,539, … MB.
 */
export type CpuModel = 'proportional' | 'whole-vcpus';
export const CPU_MODELS: readonly CpuModel[] = ['proportional', 'whole-vcpus'];

/** Memory (MB) at which a function has the equivalent of one vCPU (AWS, configuration-memory page above). */
export const MB_PER_VCPU = 1769;
/** vCPUs at the largest memory size, 10,240 MB (AWS News Blog above). Also the most threads the model uses. */
export const MAX_VCPUS = 6;

/** Memory sizes (MB) where the community step table adds a vCPU: 1,769, 3,538, …, 8,845 (the last MB of each step). */
export const VCPU_STEPS_MB: readonly number[] = [1, 2, 3, 4, 5].map((k) => k * MB_PER_VCPU);

/** CPU share of the machine at memory m: m / 1,769 vCPU (continuous). */
export function vcpuAt(memoryMb: number): number {
  return memoryMb / MB_PER_VCPU;
}

/**
 * vCPU of CPU time per second that work able to use `threads` threads gets at memory m.
 * `proportional`: min(threads, m / 1,769); `whole-vcpus`: m / 1,769 below 1,769 MB, else min(threads, ceil(m / 1,769)).
 */
export function cpuCapacity(memoryMb: number, threads: number, model: CpuModel = 'proportional'): number {
  const share = vcpuAt(memoryMb);
  if (model === 'whole-vcpus' && share > 1) return Math.min(threads, Math.ceil(share));
  return Math.min(threads, share);
}
