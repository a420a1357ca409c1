// The project's own model checks, beyond bpmnlint:
// - file name = process id, historyTimeToLive set;
// - every flow node has a diagram shape and every sequence flow an edge (Modeler, Cockpit and
//   Tasklist show nothing otherwise), shapes do not overlap;
// - every user task and none start event with users has a camunda:formRef bound to the deployment,
//   and the form exists in forms/ with that id;
// - every service/send task talking to the outside is asyncBefore with a retry cycle;
// - every mail step (${sendMail}) has a fixed mailTemplate field and passes its values as fields,
//   not input parameters (a parameter is a variable: stored, kept in the history).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const root = process.argv[2];
const moddle = new BpmnModdle({ camunda: camundaModdle });
const forms = new Set(existsSync(join(root, 'forms'))
  ? readdirSync(join(root, 'forms')).filter((f) => f.endsWith('.form'))
    .map((f) => JSON.parse(readFileSync(join(root, 'forms', f), 'utf8')).id)
  : []);
const problems = [];
const FLOW_NODE = /^bpmn:(Task|UserTask|ServiceTask|SendTask|BusinessRuleTask|ScriptTask|CallActivity|SubProcess|.*Gateway|.*Event)$/;

for (const file of readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn'))) {
  const { rootElement: definitions } = await moddle.fromXML(readFileSync(join(root, 'processes', file), 'utf8'));
  const shapes = new Map();
  const edges = new Set();
  for (const diagram of definitions.diagrams || []) {
    for (const el of diagram.plane.planeElement || []) {
      if (el.$type === 'bpmndi:BPMNShape') shapes.set(el.bpmnElement?.id, el.bounds);
      if (el.$type === 'bpmndi:BPMNEdge') edges.add(el.bpmnElement?.id);
    }
  }
  for (const process of definitions.rootElements.filter((e) => e.$type === 'bpmn:Process')) {
    if (basename(file, '.bpmn') !== process.id) problems.push(`${file}: process id ${process.id} differs from the file name`);
    if (!process.historyTimeToLive) problems.push(`${file}: ${process.id} has no camunda:historyTimeToLive`);
    const visit = (container, insideSubProcess) => {
      for (const el of container.flowElements || []) {
        if (el.$type === 'bpmn:SequenceFlow') {
          if (!edges.has(el.id)) problems.push(`${file}: flow ${el.id} has no diagram edge`);
          continue;
        }
        if (FLOW_NODE.test(el.$type) && !shapes.has(el.id)) problems.push(`${file}: ${el.id} has no diagram shape`);
        if (el.$type === 'bpmn:UserTask' || (el.$type === 'bpmn:StartEvent' && el.formRef)) {
          if (el.$type === 'bpmn:UserTask' && !el.formRef) problems.push(`${file}: ${el.id} has no camunda:formRef`);
          if (el.formRef && !forms.has(el.formRef)) problems.push(`${file}: ${el.id} references missing form '${el.formRef}'`);
          if (el.formRef && el.formRefBinding !== 'deployment') problems.push(`${file}: ${el.id} must use camunda:formRefBinding="deployment"`);
        }
        if ((el.$type === 'bpmn:ServiceTask' || el.$type === 'bpmn:SendTask') && !el.asyncBefore) {
          problems.push(`${file}: ${el.id} is not asyncBefore (a failure would roll back the user's work)`);
        }
        if (el.delegateExpression === '${sendMail}') {
          const extensions = el.extensionElements?.values || [];
          const template = extensions.find((x) => x.$type === 'camunda:Field' && x.name === 'mailTemplate');
          if (!template?.string && !template?.stringValue) problems.push(`${file}: ${el.id} has no fixed mailTemplate field`);
          if (extensions.some((x) => x.$type === 'camunda:InputOutput')) {
            problems.push(`${file}: ${el.id} passes input parameters; a mail step takes fields (camunda:field)`);
          }
        }
        if (el.flowElements) visit(el, true);
      }
    };
    visit(process, false);
  }
  // overlapping shapes (boundary events excepted: they sit on their host)
  const boxes = [...shapes.entries()].filter(([id]) => id && !/^(Boundary|Timer_|Message_|Error_|Escalation_|Signal_)/.test(id));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = boxes[i];
      const [b, q] = boxes[j];
      const inside = (x, y) => x.x >= y.x && x.y >= y.y && x.x + x.width <= y.x + y.width && x.y + x.height <= y.y + y.height;
      if (inside(p, q) || inside(q, p)) continue; // an element inside an expanded sub-process
      if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height) {
        problems.push(`${file}: shapes ${a} and ${b} overlap`);
      }
    }
  }
}
if (problems.length) {
  problems.forEach((p) => console.error(p));
  process.exit(1);
}
