/**
 * `npx tsx scripts/makeTrafficExamples.ts`: writes the two SYNTHETIC example exports of the "Your traffic"
 * page to public/traffic/ (tests/sim/trafficExamples.test.ts checks the files match this code).
 */
import { writeFileSync } from 'node:fs';
import { diurnalApiTable, spikyBatchTable, toConsoleCsv, toGetMetricDataJson } from '../src/sim/plan/syntheticExports.ts';

writeFileSync('public/traffic/synthetic-diurnal-api.json', toGetMetricDataJson(diurnalApiTable()));
writeFileSync('public/traffic/synthetic-spiky-batch.csv', toConsoleCsv(spikyBatchTable()));
