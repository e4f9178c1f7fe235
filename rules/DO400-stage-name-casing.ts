import { defineRule, type Edit } from '../src/types.ts';
import type { DockerfileModel, Stage } from '../src/model.ts';

/** Edits that lower-case a stage name where it is defined and everywhere later it is referenced. */
function lowerCaseEdits(model: DockerfileModel, stage: Stage): Edit[] {
  const name = stage.name!;
  const lower = name.toLowerCase();
  const edits: Edit[] = [{ start: stage.nameSpan!.start, end: stage.nameSpan!.end, text: lower }];
  const refersTo = (v: string | null | undefined) => v !== null && v !== undefined && v !== lower && v.toLowerCase() === lower;
  for (const later of model.stages) {
    if (later.index <= stage.index) continue;
    if (later.imageSpan && refersTo(later.image) && model.text.slice(later.imageSpan.start, later.imageSpan.end) === later.image) {
      edits.push({ start: later.imageSpan.start, end: later.imageSpan.end, text: lower });
    }
  }
  for (const inst of model.instructions) {
    if (inst.start <= stage.from.start) continue;
    const from = inst.keyword === 'COPY' ? inst.flag('from') : undefined;
    if (from && refersTo(from.value) && model.text.slice(from.valueStart, from.valueEnd) === from.value) {
      edits.push({ start: from.valueStart, end: from.valueEnd, text: lower });
    }
    if (inst.keyword !== 'RUN') continue;
    for (const mount of inst.mounts) {
      if (!refersTo(mount.options.from)) continue;
      const raw = model.text.slice(mount.flag.valueStart, mount.flag.valueEnd);
      const m = new RegExp(`(^|,)from=(${mount.options.from!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=,|$)`, 'i').exec(raw);
      if (m) {
        const at = mount.flag.valueStart + m.index + m[1].length + 'from='.length;
        edits.push({ start: at, end: at + m[2].length, text: lower });
      }
    }
  }
  return edits;
}

export default defineRule({
  meta: {
    code: 'DO400',
    name: 'stage-name-casing',
    category: 'style',
    severity: 'style',
    status: 'stable',
    fixable: 'always',
    buildkit: ['StageNameCasing'],
    docs: {
      summary: 'A stage name is not all lower case.',
      rationale:
        'Stage names are case-insensitive (BuildKit lower-cases them), so `AS BuilderBase` and `--from=builderbase` are the same stage. Lower-case names keep them apart from instruction keywords and make references match what BuildKit shows. The fix lower-cases the name and the references to it.',
      bad: 'FROM alpine:3.20 AS BuilderBase\nRUN echo hi > /hi\nFROM alpine:3.20\nCOPY --from=BuilderBase /hi /hi\n',
      good: 'FROM alpine:3.20 AS builder-base\nRUN echo hi > /hi\nFROM alpine:3.20\nCOPY --from=builder-base /hi /hi\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(inst) {
        const stage = inst.stage;
        if (!stage?.name || !stage.nameSpan || stage.name === stage.name.toLowerCase()) return;
        context.report({
          message: `Stage name "${stage.name}" should be lower case ("${stage.name.toLowerCase()}"): stage names are case-insensitive.`,
          at: stage.nameSpan,
          fix: { applicability: 'safe', description: `Rename the stage to ${stage.name.toLowerCase()}`, edits: lowerCaseEdits(model, stage) },
        });
      },
    };
  },
});
