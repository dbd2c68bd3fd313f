// How evidence reads in the sidebar, the hover and Complete Stage's question: exact wording.
import * as assert from 'node:assert/strict';
import { hoverCard } from '../../src/model/presentation/hoverContent';
import {
  EVIDENCE_LOOKS,
  evidenceAccessibilityLabel,
  evidenceDescription,
  evidenceHoverMarkdown,
  evidenceItems,
  evidenceTooltip,
  missingEvidenceQuestion,
} from '../../src/model/presentation/evidenceText';
import { planOf, stage } from './planFactory';

describe('evidence text', () => {
  const found = new Map([
    ['evals/report.md', true],
    ['reports/*.md', false],
  ]);

  it('knows per entry whether it was found, is missing or is not checked yet', () => {
    assert.deepEqual(evidenceItems(['evals/report.md', 'reports/*.md', 'model-card.md'], (pattern) => found.get(pattern)), [
      { pattern: 'evals/report.md', state: 'found' },
      { pattern: 'reports/*.md', state: 'missing' },
      { pattern: 'model-card.md', state: 'unchecked' },
    ]);
  });

  it('draws a check or a cross, in different shapes and colours', () => {
    assert.deepEqual(EVIDENCE_LOOKS.found, { icon: 'check', color: 'testing.iconPassed' });
    assert.deepEqual(EVIDENCE_LOOKS.missing, { icon: 'close', color: 'testing.iconFailed' });
    assert.notEqual(EVIDENCE_LOOKS.unchecked.icon, EVIDENCE_LOOKS.found.icon);
  });

  it('says found or missing in the row, its tooltip and to screen readers', () => {
    assert.equal(evidenceDescription('found'), 'evidence found');
    assert.equal(evidenceDescription('missing'), 'evidence missing');
    assert.equal(evidenceTooltip({ pattern: 'evals/report.md', state: 'found' }), 'Found: evals/report.md exists in the workspace folder. Click to open it.');
    assert.equal(evidenceTooltip({ pattern: 'evals/report.md', state: 'missing' }), 'Missing: evals/report.md does not exist in the workspace folder yet.');
    assert.equal(evidenceTooltip({ pattern: 'reports/*.md', state: 'found' }), 'Found: a file in the workspace folder matches reports/*.md.');
    assert.equal(evidenceTooltip({ pattern: 'reports/*.md', state: 'missing' }), 'Missing: no file in the workspace folder matches reports/*.md yet.');
    assert.equal(evidenceTooltip({ pattern: 'a.md', state: 'unchecked' }), 'Checking whether a.md exists…');
    assert.equal(evidenceAccessibilityLabel({ pattern: 'a.md', state: 'missing' }), 'Evidence a.md, missing');
    assert.equal(evidenceAccessibilityLabel({ pattern: 'a.md', state: 'unchecked' }), 'Evidence a.md, not checked yet');
  });

  it('asks about missing evidence naming what is missing', () => {
    assert.equal(
      missingEvidenceQuestion([
        { pattern: 'evals/report.md', found: true },
        { pattern: 'model-card.md', found: false },
      ]),
      '1 of 2 evidence items is missing: model-card.md',
    );
    assert.equal(missingEvidenceQuestion([{ pattern: 'a.md', found: false }]), '1 of 1 evidence item is missing: a.md');
    const many = ['a', 'b', 'c', 'd', 'e'].map((pattern) => ({ pattern, found: false }));
    assert.equal(missingEvidenceQuestion(many), '5 of 5 evidence items are missing: a, b, c and 2 more');
  });

  it('lists evidence in the hover, escaped, with a count', () => {
    assert.equal(evidenceHoverMarkdown([]), undefined);
    assert.equal(
      evidenceHoverMarkdown([
        { pattern: 'evals/report.md', state: 'found' },
        { pattern: 'reports/*_[x].md', state: 'missing' },
        { pattern: 'c.md', state: 'unchecked' },
      ]),
      ['**Evidence:** 1 of 3 found', '- ✓ found: evals/report\\.md', '- ✗ missing: reports/\\*\\_\\[x\\]\\.md', '- … not checked yet: c\\.md'].join('\n'),
    );
  });

  it('puts the evidence block just before the plan line of the hover card', () => {
    const planStage = planOf([stage('rlhf', 'in-progress', { evidence: ['evals/rlhf.md'] })]).stages[0];
    const card = hoverCard({ stageId: 'rlhf', planStage, hasPlan: true, evidence: [{ pattern: 'evals/rlhf.md', state: 'missing' }] });
    const blocks = card?.split('\n\n') ?? [];
    assert.equal(blocks.at(-2), '**Evidence:** 0 of 1 found\n- ✗ missing: evals/rlhf\\.md');
    assert.ok(blocks.at(-1)?.startsWith('**In this plan:** In progress'));
  });
});
