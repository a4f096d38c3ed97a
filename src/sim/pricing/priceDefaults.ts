/**
 * The pricing inputs' defaults as bare numbers (the model's choice: a mid-size function with the free
 * 512 MB of /tmp). `PRICE_RULES` declares them with their ranges and help; this module exists so code that
 * only needs the numbers (a simulation in a Web Worker) does not bundle the rules' help text.
 */
export const PRICE_DEFAULTS = { memoryMb: 1024, ephemeralMb: 512 } as const;
