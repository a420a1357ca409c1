// Adds a generated diagram (BPMNDI) to a BPMN file that has none, or replaces it.
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

const file = process.argv[2];
if (!file) {
  console.error('usage: node layout.mjs <file.bpmn>');
  process.exit(2);
}
const xml = readFileSync(file, 'utf8');
const laidOut = await layoutProcess(xml);
writeFileSync(file, laidOut);
console.log(`laid out ${file}`);
